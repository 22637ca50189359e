import Link from "next/link";
import { AccountMenu } from "@/app/_components/nav/account-menu";
import { SearchBox } from "@/app/_components/search/search-box";
import { ThemeToggle } from "@/app/_components/theme/theme-toggle";

/** The site header: the same HTML for everyone; sign-in state fills in on the client. */
export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 px-4 py-3">
        <Link href="/" className="mr-auto text-lg font-semibold tracking-tight text-zinc-900 dark:text-white">
          Guides
        </Link>
        <div className="order-last w-full sm:order-none sm:w-auto">
          <SearchBox />
        </div>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
          <Link
            href="/#guides"
            className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-200 dark:hover:bg-zinc-800"
          >
            Catalog
          </Link>
          <AccountMenu />
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
