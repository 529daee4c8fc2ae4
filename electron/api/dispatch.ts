// The single entry point both transports use: check the method name against the
// contract, validate the parameters with the contract's schema, run the core, and
// turn any failure into a serialisable error. Nothing here is per-method.
import { apiParams, isApiMethod, type ApiMethod, type BriefbookApi } from '../../shared/api';
import { BriefbookError, serializeError, type SerializedError } from '../../shared/errors';

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: SerializedError };

export async function dispatch(api: BriefbookApi, method: unknown, params: unknown): Promise<DispatchResult> {
  try {
    if (!isApiMethod(method))
      throw new BriefbookError('invalid-input', `Unknown API method ${JSON.stringify(method)}.`);
    const parsed = apiParams[method].safeParse(params ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(params)'}: ${i.message}`).join('; ');
      throw new BriefbookError('invalid-input', `Invalid parameters for ${method}: ${detail}`);
    }
    const call = api[method] as (p: unknown) => Promise<unknown>;
    return { ok: true, value: await call.call(api, parsed.data) };
  } catch (err) {
    if (!(err instanceof BriefbookError)) console.error(`[briefbook] ${String(method)} failed:`, err);
    return { ok: false, error: serializeError(err) };
  }
}

export type { ApiMethod };
