import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Developer tools" };

export default function DeveloperToolsPage() {
  return (
    <ComingSoon
      title="Developer tools"
      description="API keys for ingestion, deploys and search."
      items={["Private keys (ingest + deploy) and public search keys", "Keys shown once, with scopes, expiry and last use", "Revoke"]}
    />
  );
}
