#!/usr/bin/env bash
# npm audit of the production dependencies (issue #10): fails on any high or critical advisory. When the advisory
# endpoint itself cannot be reached (offline CI, a registry mirror without the audit API), it says so clearly and
# does not fail — it never tolerates advisories that were actually found.
set -uo pipefail
cd "$(dirname "$0")/../.."
out="$(npm audit --omit=dev --audit-level=high --json 2>/dev/null)"
rc=$?
if [ "$rc" -eq 0 ]; then
  echo "npm audit: no high or critical advisories in production dependencies"
  exit 0
fi
verdict="$(printf '%s' "$out" | node -e '
  let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => {
    let r; try { r = JSON.parse(s); } catch { console.log("unreachable: npm audit printed no JSON"); return; }
    if (r && r.metadata && r.metadata.vulnerabilities) {
      const v = r.metadata.vulnerabilities;
      console.log(`found: ${v.high ?? 0} high, ${v.critical ?? 0} critical`);
    } else {
      console.log(`unreachable: ${(r && (r.message || (r.error && r.error.summary))) || "no audit report"}`);
    }
  });')"
case "$verdict" in
  found:*)
    echo "npm audit FAILED — ${verdict#found: } advisories in production dependencies:"
    npm audit --omit=dev --audit-level=high
    exit 1 ;;
  *)
    echo "npm audit: NOT CHECKED — the advisory endpoint is unreachable (${verdict#unreachable: }); run it where the registry's audit API answers"
    exit 0 ;;
esac
