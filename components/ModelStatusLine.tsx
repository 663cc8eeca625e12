/**
 * One line in the side panel's header about the neural model: switched off, not loaded yet,
 * loading (with a progress bar), ready on which backend (WebGPU or WebAssembly), or failed.
 */
import type { ModelStatus } from '@/lib/messaging';
import { t, type Locale } from '@/lib/i18n/messages';

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);

/** The backend's name for agents; unknown backends show as they are. */
export function backendName(backend: string, locale: Locale): string {
  return backend === 'webgpu' || backend === 'wasm' ? t(`backend.${backend}`, undefined, locale) : backend;
}

export function ModelStatusLine({ status, enabled, locale }: { status?: ModelStatus; enabled: boolean; locale: Locale }) {
  if (!enabled) return <p className="model-status">{t('modelStatus.off', undefined, locale)}</p>;
  if (!status) return <p className="model-status">{t('modelStatus.idle', undefined, locale)}</p>;
  if (status.phase === 'loading') {
    const label = status.total
      ? t('modelStatus.progress', { loaded: mb(status.loaded), total: mb(status.total) }, locale)
      : t('modelStatus.loading', undefined, locale);
    return (
      <div className="model-status" role="status">
        <label>
          {label}
          {/* Without a known size the bar is indeterminate. */}
          <progress max={status.total ?? undefined} value={status.total ? status.loaded : undefined} />
        </label>
      </div>
    );
  }
  if (status.phase === 'ready') {
    return (
      <p className="model-status" role="status" data-backend={status.backend}>
        {t('modelStatus.ready', { backend: backendName(status.backend, locale), seconds: (status.loadMs / 1000).toFixed(1) }, locale)}
      </p>
    );
  }
  return (
    <p className="model-status model-failed" role="status">
      {t('modelStatus.failed', { error: status.error }, locale)}
    </p>
  );
}
