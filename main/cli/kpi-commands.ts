import fs from 'node:fs';
import type { Command } from 'commander';
import type { Out } from '../../shared/api/index.js';
import { INDICATORS, type Indicator } from '../../shared/dashboard/targets.js';
import { UserError } from '../../shared/errors.js';
import { emit, type GlobalOptions, table } from './output.js';
import { withApp } from './session.js';

const int = (v: string) => Number.parseInt(v, 10);

interface FilterOptions {
  year?: number;
  period?: string;
  taxType?: string;
  kecamatan?: string;
}

/** `sipeka kpi`: the figures the head's dashboard shows; `kpi-lakin` the LAKIN-style table; `kpi-target` the targets. */
export function registerKpiCommands(program: Command, globals: () => GlobalOptions): void {
  program
    .command('kpi')
    .description("the head of agency's dashboard figures: realisation, target, capaian, arrears by age, compliance, reminder funnel, reachability, savings")
    .option('--year <y>', 'year (default this year)', int)
    .option('--period <YYYY-MM>', 'one month')
    .option('--tax-type <code>', 'one tax type, e.g. PBJT_MAKMIN')
    .option('--kecamatan <name>', 'one kecamatan')
    .action(async (opts: FilterOptions) => {
      await withApp(globals(), async ({ call }) => {
        const r = await call('dashboard.kpi', { year: opts.year, period: opts.period, taxType: opts.taxType, kecamatan: opts.kecamatan });
        emit(globals(), r, () => humanKpi(r));
      });
    });

  // Separate commands, not `kpi lakin`: a subcommand's --year would be taken by kpi's own.
  program
    .command('kpi-lakin')
    .description('the LAKIN-style performance table (target, realisation, capaian per quarter, NKO)')
    .option('--year <y>', 'year (default this year)', int)
    .option('--out <file.xlsx>', 'also write it as a formatted workbook')
    .action(async (opts: { year?: number; out?: string }) => {
      await withApp(globals(), async ({ call }) => {
        const r = await call('dashboard.lakin', { year: opts.year });
        if (opts.out) {
          if (fs.existsSync(opts.out)) throw new UserError('FILE_EXISTS', { path: opts.out });
          const file = await call('dashboard.lakinXlsx', { year: opts.year });
          fs.writeFileSync(opts.out, Buffer.from(file.contentBase64, 'base64'));
        }
        emit(globals(), { ...r, out: opts.out ?? null }, () =>
          [
            table(
              r.rows.map((row) => ({ indicator: row.indicator, taxType: row.taxType, weight: row.weight, ...Object.fromEntries(row.capaian.map((c, i) => [`capaian_q${i + 1}`, c === null ? '' : percent(c)])) })),
              ['indicator', 'taxType', 'weight', 'capaian_q1', 'capaian_q2', 'capaian_q3', 'capaian_q4'],
            ),
            `NKO ${r.nko === null ? '-' : percent(r.nko)}${opts.out ? `; written to ${opts.out}` : ''}`,
          ].join('\n'),
        );
      });
    });

  program
    .command('kpi-target')
    .description('set a yearly target: revenue in Rupiah, compliance and reachability in percent')
    .requiredOption('--year <y>', 'year', int)
    .requiredOption('--indicator <i>', INDICATORS.join('|'))
    .requiredOption('--value <n>', 'Rupiah (revenue) or percent (rates, e.g. 85)', Number.parseFloat)
    .option('--tax-type <code>', 'one tax type (default the indicator as a whole)')
    .option('--quarters <q1,q2,q3,q4>', 'cumulative percent by the end of each quarter (default 20,45,70,100 for revenue)')
    .option('--weight <w>', 'weight in the NKO', int)
    .action(async (opts: { year: number; indicator: string; value: number; taxType?: string; quarters?: string; weight?: number }) => {
      if (!(INDICATORS as readonly string[]).includes(opts.indicator)) throw new UserError('INVALID_INPUT', { field: '--indicator', detail: INDICATORS.join(', ') });
      const indicator = opts.indicator as Indicator;
      const quarters = opts.quarters?.split(',').map((q) => Number(q.trim()));
      if (quarters && (quarters.length !== 4 || quarters.some((q) => !Number.isFinite(q)))) throw new UserError('INVALID_INPUT', { field: '--quarters', detail: 'four numbers, e.g. 20,45,70,100' });
      await withApp(globals(), async ({ call }) => {
        const target = indicator === 'revenue' ? Math.round(opts.value) : Math.round(opts.value * 100);
        const r = await call('dashboard.setTargets', {
          year: opts.year,
          targets: [{ indicator, taxType: opts.taxType ?? '*', target, quarters: quarters as [number, number, number, number] | undefined, weight: opts.weight }],
        });
        emit(globals(), r, () => `${indicator} ${opts.taxType ?? '*'} ${opts.year}: saved`);
      });
    });
}

function humanKpi(r: Out<'dashboard.kpi'>): string {
  const rp = (n: number | null) => (n === null ? '-' : `Rp ${new Intl.NumberFormat('id-ID').format(n)}`);
  const pc = (n: number | null) => (n === null ? '-' : percent(n));
  return [
    `as of ${r.asOf}, year ${r.year}${r.period ? `, period ${r.period}` : ''}${r.filters.taxType ? `, ${r.filters.taxType}` : ''}${r.filters.kecamatan ? `, ${r.filters.kecamatan}` : ''}`,
    `realisation ${rp(r.realisation.total)} (year to month ${r.realisation.asOfMonth}: ${rp(r.realisation.cumulative)}), target Q${r.realisation.quarter} ${rp(r.realisation.quarterTarget)}, capaian ${pc(r.realisation.capaian.shown)}`,
    `arrears ${r.arrears.bills} bills, ${rp(r.arrears.principal)}: ${r.arrears.buckets.map((b) => `${b.bucket} ${b.bills}`).join(', ')}`,
    `compliance ${pc(r.compliance.rate)} (${r.compliance.onTime}/${r.compliance.due})`,
    `reminders sent ${r.funnel.totals.sent}, delivered ${r.funnel.totals.delivered}, read ${r.funnel.totals.read}, paid ≤7d ${r.funnel.totals.paid7}, ≤14d ${r.funnel.totals.paid14}`,
    `reachability ${pc(r.reachability.rate)} of taxpayers, ${pc(r.reachability.principalRate)} of unpaid principal`,
    `savings ${rp(r.savings.saved)} (${r.savings.reminders} reminders instead of letters)`,
  ].join('\n');
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`;
}
