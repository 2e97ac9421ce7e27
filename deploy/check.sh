#!/usr/bin/env bash
# Renders the Helm chart and checks what it renders: a Deployment and Service per service plus the
# gateway, each with probes and the service map; and that a release without a secret is refused.
set -euo pipefail
cd "$(dirname "$0")"
HELM=${HELM:-helm}
chart=helm/apotheca
"$HELM" lint "$chart" --set existingSecret=apotheca >/dev/null
out=$("$HELM" template pharmacy "$chart" --set existingSecret=apotheca)
fail() { echo "deploy/check.sh: $*" >&2; exit 1; }
deployments=$(grep -c '^kind: Deployment' <<<"$out")
[ "$deployments" -eq 9 ] || fail "expected 9 Deployments (8 services + gateway), got $deployments"
[ "$(grep -c '^kind: Service$' <<<"$out")" -eq 9 ] || fail "expected 9 Services"
for s in identity catalog prescriptions inventory orders delivery audit notifications; do
  grep -q "args: \[\"--services\", \"$s\"\]" <<<"$out" || fail "no Deployment runs --services $s"
  grep -q "$s=http://pharmacy-apotheca-$s:8080" <<<"$out" || fail "APOTHECA_SERVICE_URLS lacks $s"
done
[ "$(grep -c 'readinessProbe:' <<<"$out")" -eq 9 ] || fail "every Deployment needs a readiness probe"
grep -q '^kind: Secret' <<<"$out" && fail "existingSecret set, yet the chart made a Secret"
if "$HELM" template pharmacy "$chart" >/dev/null 2>&1; then fail "a release without secret values rendered"; fi
"$HELM" template pharmacy "$chart" --set secret.values.DATABASE_URL=postgres://x --set gateway.ingress.enabled=true | grep -q '^kind: Ingress' || fail "ingress not rendered"
echo "deploy/check.sh: chart renders 9 Deployments and Services with probes and the service map"
