import type { ExportProgress, ExportSummary, ImportFileErrorData, MappingOverrides, MappingProfile, ParsedBill } from './import/index.js';

/** What the main thread hands the parsing thread. */
export interface WorkerInput {
  file: string;
  credits: number;
  options: {
    fileName: string;
    sheets?: string[];
    mapping?: MappingOverrides;
    profiles?: MappingProfile[];
    timeZone?: string;
    maxListed?: number;
  };
}

export type WorkerMessage =
  | { type: 'bills'; bills: ParsedBill[] }
  | { type: 'progress'; progress: ExportProgress }
  | { type: 'done'; summary: ExportSummary }
  | { type: 'error'; error: ImportFileErrorData | { name: 'Error'; message: string } };
