import { AcceptInviteForm } from "@/components/auth/accept-invite-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Accept invite", referrer: "no-referrer" };

// Public: the token in the path is the credential. The form looks it up through the API.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <AcceptInviteForm token={decodeURIComponent(token)} />;
}
