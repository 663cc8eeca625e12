/** What every settings section of the options page receives from the page. */
import type { SettingPath, Settings } from '@/lib/settings/schema';

export interface SectionProps {
  /** The values being edited (saved with the Save button). */
  settings: Settings;
  /** Paths a managed policy sets: shown disabled, never saved from here. */
  locked: ReadonlySet<SettingPath>;
  /** Validation messages by path, from the last save attempt. */
  errors: Partial<Record<SettingPath, string>>;
  update(path: SettingPath, value: unknown): void;
}
