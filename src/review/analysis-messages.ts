// Messages between the review page and its worker: plain data, copied by structured clone.
import type { FileCheck } from '../lint/check-report.ts';
import type { Rules } from '../rules/schema.ts';
import type { Comparison } from './analysis.ts';

export type AnalysisRequest =
  | { type: 'check'; id: number; text: string; name: string }
  | { type: 'compare'; id: number; before: Rules; after: Rules; sets?: number };

export type AnalysisReply =
  | { type: 'checked'; id: number; check: FileCheck }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'compared'; id: number; comparison: Comparison }
  | { type: 'failed'; id: number; message: string };
