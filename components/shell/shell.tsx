"use client";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useMemo, useState, type ReactNode } from "react";
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

function ThemeToggle() {
  const toggle = () => {
    const dark = document.documentElement.classList.toggle("dark");
    localStorage.setItem("theme", dark ? "dark" : "light");
  };
  return (
    <button onClick={toggle} className="rounded px-2 py-1 text-xs text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800" title="Toggle dark mode">
      ◐ Theme
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
      <aside
        className={`${open ? "block" : "hidden"} border-b border-zinc-200 bg-white p-4 md:sticky md:top-0 md:block md:h-screen md:w-60 md:shrink-0 md:border-b-0 md:border-r dark:border-zinc-800 dark:bg-zinc-900`}
      >
        <Link href="/overview" className="mb-6 hidden px-3 text-lg font-semibold tracking-tight md:block">
          <span className="text-indigo-600">◆</span> Indexhook
        </Link>
        {nav}
      </aside>
      <div className="min-w-0 flex-1">
        <header className="flex items-center justify-between gap-4 border-b border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
          <button className="text-sm md:hidden" onClick={() => setOpen(!open)} aria-expanded={open} aria-label="Menu">
            ☰ <span className="font-semibold">Indexhook</span>
          </button>
          <div className="hidden md:block" />
          <div className="flex items-center gap-3">
            <ThemeToggle />
            <Link href="/profile" className="text-right text-sm leading-tight hover:underline" data-testid="current-user" title="Your profile">
              <div className="font-medium">{user.name}</div>
              <div className="text-xs text-zinc-500">{user.email}</div>
            </Link>
            <Badge tone={user.role === "admin" ? "info" : "neutral"}>{user.role}</Badge>
            <button
              onClick={async () => {
                // No server-side redirect: next-auth would build it from NEXTAUTH_URL, which may name another host.
                await signOut({ redirect: false });
                router.replace("/login");
                router.refresh();
              }}
              className="rounded-md border border-zinc-300 px-2.5 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Sign out
            </button>
          </div>
        </header>
        <main className="mx-auto max-w-6xl p-4 md:p-8">
          <RoleProvider role={user.role}>{children}</RoleProvider>
        </main>
      </div>
    </div>
  );
}
