"use client";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { roleAtLeast, type Role } from "@/lib/auth/roles";
import { NAV } from "./nav";
import { RoleProvider } from "./role";

export interface ShellUser {
  name: string;
  email: string;
  role: Role;
}

function useGoShortcuts(items: readonly (typeof NAV)[number][]) {
  const router = useRouter();
  useEffect(() => {
    let armed = 0;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.metaKey || e.ctrlKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable) return;
      if (e.key === "g") armed = Date.now();
      else if (Date.now() - armed < 1000) {
        const item = items.find((n) => n.key === e.key);
        if (item) router.push(item.href);
        armed = 0;
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, items]);
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round">
      {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
    </svg>
  );
}

type Theme = "light" | "dark" | "system";
const NEXT_THEME: Record<Theme, Theme> = { light: "dark", dark: "system", system: "light" };
const THEME_LABEL: Record<Theme, string> = { light: "Light", dark: "Dark", system: "System" };

/** Applies a choice: "system" forgets the stored one and follows prefers-color-scheme (as app/layout's script does). */
function applyTheme(t: Theme) {
  const dark = t === "dark" || (t === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
  if (t === "system") localStorage.removeItem("theme");
  else localStorage.setItem("theme", t);
  themeListeners.forEach((l) => l());
}

// The stored choice (localStorage "theme"; absent = system) as an external store: other tabs via "storage".
const themeListeners = new Set<() => void>();
function subscribeTheme(cb: () => void) {
  themeListeners.add(cb);
  window.addEventListener("storage", cb);
  return () => {
    themeListeners.delete(cb);
    window.removeEventListener("storage", cb);
  };
}
function readTheme(): Theme {
  const t = localStorage.getItem("theme");
  return t === "light" || t === "dark" ? t : "system";
}

function ThemeIcon({ theme }: { theme: Theme }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round">
      {theme === "light" ? (
        <>
          <circle cx="10" cy="10" r="3.5" />
          <path d="M10 1.5v2M10 16.5v2M1.5 10h2M16.5 10h2M4 4l1.4 1.4M14.6 14.6L16 16M4 16l1.4-1.4M14.6 5.4L16 4" />
        </>
      ) : theme === "dark" ? (
        <path d="M16.5 12.5A7 7 0 0 1 7.5 3.5a7 7 0 1 0 9 9z" />
      ) : (
        <>
          <rect x="2.5" y="3.5" width="15" height="10" rx="1.5" />
          <path d="M7 17h6M10 13.5V17" />
        </>
      )}
    </svg>
  );
}

/** Cycles light → dark → system and shows the current choice. */
function ThemeToggle() {
  const theme = useSyncExternalStore(subscribeTheme, readTheme, () => "system" as Theme);
  useEffect(() => {
    if (theme !== "system") return;
    const mq = matchMedia("(prefers-color-scheme: dark)");
    const follow = () => document.documentElement.classList.toggle("dark", mq.matches);
    mq.addEventListener("change", follow);
    return () => mq.removeEventListener("change", follow);
  }, [theme]);
  const next = () => {
    const t = NEXT_THEME[theme];
    applyTheme(t);
  };
  return (
    <button
      type="button"
      onClick={next}
      aria-label={`Theme: ${THEME_LABEL[theme]}`}
      data-testid="theme-toggle"
      data-theme={theme}
      className="flex shrink-0 items-center gap-1 rounded px-2 py-1 text-xs text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"
      title={`Theme: ${THEME_LABEL[theme]} (click for ${THEME_LABEL[NEXT_THEME[theme]]})`}
    >
      <ThemeIcon theme={theme} />
      <span className="hidden sm:inline">{THEME_LABEL[theme]}</span>
    </button>
  );
}

export function Shell({ user, children }: { user: ShellUser; children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const items = useMemo(() => NAV.filter((n) => roleAtLeast(user.role, n.min)), [user.role]);
  useGoShortcuts(items);
  const nav = (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(item.href + "/");
        return (
          <Link
            key={item.href}
            href={item.href}
            onClick={() => setOpen(false)}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm ${
              active
                ? "bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
                : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
  return (
    <div className="min-h-screen md:flex">
      <aside className="hidden border-zinc-200 bg-white p-4 md:sticky md:top-0 md:block md:h-screen md:w-60 md:shrink-0 md:border-r dark:border-zinc-800 dark:bg-zinc-900">
        <Link href="/overview" className="mb-6 hidden px-3 text-lg font-semibold tracking-tight md:block">
          <span className="text-indigo-600 dark:text-indigo-400">◆</span> Indexhook
        </Link>
        {nav}
      </aside>
      <div className="relative min-w-0 flex-1">
        {/* On a phone the bar stays on top (sticky, above the content) and the menu drops down from it,
            over the page; who is signed in moves into that menu so the bar fits 390 px. */}
        <header className="sticky top-0 z-30 flex items-center justify-between gap-2 border-b border-zinc-200 bg-white px-3 py-3 sm:gap-4 sm:px-4 md:static dark:border-zinc-800 dark:bg-zinc-900">
          <button
            className="flex shrink-0 items-center gap-1.5 rounded px-1 text-sm md:hidden"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            aria-controls="mobile-menu"
            aria-label="Menu"
          >
            <MenuIcon open={open} /> <span className="font-semibold">Indexhook</span>
          </button>
          <div className="hidden md:block" />
          <div className="flex min-w-0 items-center gap-2 sm:gap-3">
            <ThemeToggle />
            <Link
              href="/profile"
              className="hidden min-w-0 text-right text-sm leading-tight hover:underline sm:block"
              data-testid="current-user"
              title="Your profile"
            >
              <div className="truncate font-medium">{user.name}</div>
              <div className="truncate text-xs text-zinc-500">{user.email}</div>
            </Link>
            <span className="hidden sm:inline-flex">
              <Badge tone={user.role === "admin" ? "info" : "neutral"}>{user.role}</Badge>
            </span>
            <button
              onClick={async () => {
                // No server-side redirect: next-auth would build it from NEXTAUTH_URL, which may name another host.
                await signOut({ redirect: false });
                router.replace("/login");
                router.refresh();
              }}
              className="shrink-0 whitespace-nowrap rounded-md border border-zinc-300 px-2.5 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Sign out
            </button>
          </div>
          {open ? (
            <div
              id="mobile-menu"
              className="absolute inset-x-0 top-full z-40 max-h-[calc(100vh-4rem)] overflow-y-auto border-b border-zinc-200 bg-white p-3 shadow-lg md:hidden dark:border-zinc-800 dark:bg-zinc-900"
            >
              <Link href="/profile" onClick={() => setOpen(false)} className="mb-2 block rounded-md px-3 py-2 text-sm leading-tight hover:bg-zinc-100 dark:hover:bg-zinc-800">
                <div className="flex items-center gap-2">
                  <span className="truncate font-medium">{user.name}</span>
                  <Badge tone={user.role === "admin" ? "info" : "neutral"}>{user.role}</Badge>
                </div>
                <div className="truncate text-xs text-zinc-500">{user.email}</div>
              </Link>
              {nav}
            </div>
          ) : null}
        </header>
        <main className="mx-auto max-w-6xl p-4 md:p-8">
          <RoleProvider role={user.role}>{children}</RoleProvider>
        </main>
      </div>
    </div>
  );
}
