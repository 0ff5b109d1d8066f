import { notFound } from "next/navigation";

// Any path no page claims: answer 404 with the dashboard's not-found page, inside the shell (after the
// layout's session check), instead of Next's bare one. Real routes (and app/api) always win over this.
export default function MissingPage() {
  notFound();
}
