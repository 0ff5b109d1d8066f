import { redirect } from "next/navigation";
import { Suspense } from "react";
import { LoginForm } from "@/components/auth/login-form";
import { pageUser } from "@/lib/auth/page-role";
import { instanceNeedsSetup } from "@/lib/users/instance";
import { signupModeForPage } from "@/lib/users/registration-dashboard";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function LoginPage() {
  if (await instanceNeedsSetup()) redirect("/setup");
  if (await pageUser("viewer")) redirect("/overview");
  const canSignUp = (await signupModeForPage()) !== "closed";
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      <Suspense>
        <LoginForm canSignUp={canSignUp} />
      </Suspense>
    </>
  );
}
