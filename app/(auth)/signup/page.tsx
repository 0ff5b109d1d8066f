import Link from "next/link";
import { redirect } from "next/navigation";
import { SignupForm } from "@/components/auth/signup-form";
import { pageUser } from "@/lib/auth/page-role";
import { instanceNeedsSetup } from "@/lib/users/instance";
import { signupModeForPage } from "@/lib/users/registration-dashboard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Create an account" };

export default async function SignupPage() {
  if (await instanceNeedsSetup()) redirect("/setup");
  if (await pageUser("viewer")) redirect("/overview");
  const mode = await signupModeForPage();
  return (
    <>
      <h1 className="text-lg font-semibold">Create an account</h1>
      {mode === "closed" ? (
        <div className="mt-3 space-y-4 text-sm" data-testid="signup-closed">
          <p className="text-zinc-700 dark:text-zinc-300">
            Sign-up is by invitation only on this instance. Ask an admin to invite you; the invitation link lets you set your password.
          </p>
          <p>
            <Link className="font-medium text-indigo-600 underline-offset-2 hover:underline" href="/login">
              Back to sign in
            </Link>
          </p>
        </div>
      ) : (
        <>
          <p className="mb-4 mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {mode === "webhook" ? "This instance checks new accounts with its policy for new users before creating them." : "Anyone may create an account on this instance."}
          </p>
          <SignupForm />
        </>
      )}
    </>
  );
}
