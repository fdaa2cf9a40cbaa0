// The review page's worker: runs analysis.ts off the page's main thread and posts the results back.
/// <reference lib="webworker" />
import { checkFile, compareRules } from './analysis.ts';
import type { AnalysisReply, AnalysisRequest } from './analysis-messages.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  const reply = (message: AnalysisReply) => scope.postMessage(message);
  try {
    if (request.type === 'check') {
      reply({ type: 'checked', id: request.id, check: checkFile(request.text, request.name) });
      return;
    }
    const comparison = compareRules(request.before, request.after, {
      sets: request.sets,
      onProgress: (done, total) => reply({ type: 'progress', id: request.id, done, total }),
    });
    reply({ type: 'compared', id: request.id, comparison });
  } catch (error) {
    reply({ type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
};
