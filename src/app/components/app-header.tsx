// The banner: the app's name, pprof's menus (VIEW SAMPLE REFINE CONFIG
// DOWNLOAD) and the search box once a profile is open, the way to open
// another profile, and the colour scheme toggle.
import type { ReactNode } from 'react';
import { useAppStore } from '../state/app-store';
import { ConfigMenu } from './config-menu';
import { CopyLink } from './copy-link';
import { DownloadMenu } from './download-menu';
import { RefineMenu } from './refine-menu';
import { SampleMenu } from './sample-menu';
import { SearchBox } from './search-box';
import { ThemeToggle } from './theme-toggle';
import { ViewMenu } from './view-menu';

export function AppHeader({ openProfile }: { openProfile: ReactNode }) {
  const open = useAppStore((s) => s.summary !== null);
  const setSearch = useAppStore((s) => s.setSearch);
  return (
    <header className="app-header">
      <h1>tsprof-web</h1>
      {open ? (
        <>
          <nav className="menus" aria-label="Menus">
            <ViewMenu />
            <SampleMenu />
            <RefineMenu />
            <ConfigMenu />
            <DownloadMenu />
          </nav>
          <SearchBox onSearch={setSearch} />
        </>
      ) : (
        <p className="tagline">Go pprof profiles in your browser, with pprof&apos;s numbers.</p>
      )}
      <div className="header-end">
        <CopyLink />
        {openProfile}
        <ThemeToggle />
      </div>
    </header>
  );
}
