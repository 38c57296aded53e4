// CONFIG: save the current options under a name, apply or delete saved ones
// (localStorage, like pprof's settings file).
import { useState } from 'react';
import { useAppStore } from '../state/app-store';
import { browserStorage, configOptions, deleteConfig, loadConfigs, saveConfig, type SavedConfig } from '../state/saved-configs';
import { sameState } from '../state/url-state';
import { MenuButton, type MenuItem } from './menu-button';
import { SaveConfigDialog } from './save-config-dialog';

export function ConfigMenu() {
  const [configs, setConfigs] = useState<SavedConfig[]>(() => loadConfigs(browserStorage()));
  const [saving, setSaving] = useState(false);
  const url = useAppStore((s) => s.url);
  const navigate = useAppStore((s) => s.navigate);
  const isCurrent = (c: SavedConfig) => sameState({ view: 'top', options: configOptions(c) }, { view: 'top', options: url.options });
  const items: MenuItem[] = [{ label: 'Save as…', onSelect: () => setSaving(true) }];
  configs.forEach((c, i) =>
    items.push({
      label: c.name,
      checked: isCurrent(c),
      separated: i === 0,
      onSelect: () => navigate({ view: url.view, options: configOptions(c) }),
    }),
  );
  configs.forEach((c, i) =>
    items.push({
      label: `Delete ${c.name}`,
      separated: i === 0,
      onSelect: () => setConfigs(deleteConfig(browserStorage(), c.name)),
    }),
  );
  return (
    <>
      <MenuButton label="CONFIG" items={items} />
      {saving && (
        <SaveConfigDialog
          existing={configs.map((c) => c.name)}
          onCancel={() => setSaving(false)}
          onSave={(name) => {
            const r = saveConfig(browserStorage(), name, url.options);
            if (typeof r === 'string') return r;
            setConfigs(r);
            setSaving(false);
            return null;
          }}
        />
      )}
    </>
  );
}
