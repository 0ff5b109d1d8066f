import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { isLoopbackClient } from "@/lib/http/peer";
import { instanceNeedsSetup } from "@/lib/users/instance";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up" };

export default async function SetupPage() {
  if (!(await instanceNeedsSetup())) redirect("/login");
  return (
    <>
      <h1 className="text-lg font-semibold">Welcome to Indexhook</h1>
      <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Create the admin account for this instance. You can invite others afterwards.
      </p>
      <SetupForm codeRequired={!isLoopbackClient(await headers())} />
    </>
  );
}
