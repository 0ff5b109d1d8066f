import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata = { title: "Webhooks" };

export default function HooksPage() {
  return (
    <ComingSoon
      title="Webhooks"
      description="Outbound webhooks: change events and task events, signed and retried."
      items={["Hooks with filters, secrets and pause", "Delivery log with replay", "Request inspector and test sends"]}
    />
  );
}
