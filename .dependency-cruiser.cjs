/**
 * The layering of docs/architecture.md, enforced rather than remembered:
 * shared/ runs anywhere, renderer/ in a browser, main/ in Node, main/electron/ only in Electron.
 */
module.exports = {
  forbidden: [
    { name: 'shared-is-leaf', severity: 'error', from: { path: '^shared/' }, to: { path: '^(main|renderer)/' } },
    { name: 'renderer-only-shared', severity: 'error', from: { path: '^renderer/' }, to: { path: '^main/' } },
    { name: 'main-not-renderer', severity: 'error', from: { path: '^main/' }, to: { path: '^renderer/' } },
    {
      name: 'only-electron-folder-imports-electron',
      severity: 'error',
      from: { path: '^(main|shared|renderer)/', pathNot: '^main/electron/' },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'nothing-depends-on-transports',
      comment: 'domain modules never import the HTTP or Electron transports',
      severity: 'error',
      from: { path: '^main/', pathNot: '^main/(electron|server|cli)/|^main/cli\\.ts$' },
      to: { path: '^main/(electron|server)/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '\\.test\\.ts$' },
  },
};
