import { api } from '../../api/client';
import { useAction } from '../../api/useAction';
import { navigate } from '../../router';
import { changesFrom, type EditorContent, payloadOf } from './editor-content';
import { type MetaStatus, type Notify, templatePath, type TemplateView } from './template-facts';

type Outcome = 'created' | 'saved' | 'newVersion' | 'unchanged';

/**
 * The editor's calls. Saving creates the template, rewrites a draft or rejected version, or,
 * for an approved one, makes the family's next version; submitting saves first. Each ends on
 * the version it produced, with a line saying what happened.
 */
export function useEditorActions({ saved, content, reload, notify }: { saved: TemplateView | null; content: EditorContent; reload(): void; notify: Notify }) {
  const land = (template: TemplateView, key: 'created' | 'saved' | 'newVersion' | 'submitted' | 'withdrawn' | 'retired' | 'metaRecorded' | 'savedNotSubmitted') => {
    const path = templatePath(template.id);
    notify(path, { key: `templates.notice.${key}`, params: { name: template.name, version: template.version } });
    if (saved?.id === template.id) reload();
    else navigate(path);
  };

  const persist = async (): Promise<{ template: TemplateView; outcome: Outcome }> => {
    if (!saved) return { template: (await api.call('templates.create', payloadOf(content))).template, outcome: 'created' };
    const changes = changesFrom(saved, content);
    if (Object.keys(changes).length === 0) return { template: saved, outcome: 'unchanged' };
    const { template, newVersion } = await api.call('templates.update', { id: saved.id, changes });
    return { template, outcome: newVersion ? 'newVersion' : 'saved' };
  };

  const save = useAction(async () => {
    const { template, outcome } = await persist();
    land(template, outcome === 'unchanged' ? 'saved' : outcome);
  });

  const submit = useAction(async () => {
    const { template } = await persist();
    try {
      land((await api.call('templates.submit', { id: template.id })).template, 'submitted');
    } catch (error) {
      // The text is saved under a new id: go there, so a second try does not create it again.
      if (template.id !== saved?.id) land(template, 'savedNotSubmitted');
      throw error;
    }
  });

  const withdraw = useAction(async () => {
    if (saved) land((await api.call('templates.withdraw', { id: saved.id })).template, 'withdrawn');
  });

  const retire = useAction(async () => {
    if (saved) land((await api.call('templates.retire', { id: saved.id })).template, 'retired');
  });

  const recordMeta = useAction(async (metaStatus: MetaStatus) => {
    if (saved) land((await api.call('templates.setMetaStatus', { id: saved.id, metaStatus })).template, 'metaRecorded');
  });

  return { save, submit, withdraw, retire, recordMeta };
}
