#!/usr/bin/env bash
# Runs the typecheck, the unit tests and the emulator wire tests (real SDK and AWS CLI) on
# other Node majors than the machine's: `npm run test:node-versions [-- 22 24]`. Node itself comes from the npm
# registry (the node-linux-<arch> packages hold Node's official binaries), so nothing but npm is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(22 24)
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for major in "${versions[@]}"; do
  (cd "$work" && npm pack --silent "node-linux-$arch@$major" >/dev/null && mkdir "node$major" && tar xzf node-linux-*.tgz -C "node$major" && rm node-linux-*.tgz)
  bin="$work/node$major/package/bin"
  echo "== Node $("$bin/node" -v)"
  PATH="$bin:$PATH" npm run -s typecheck
  PATH="$bin:$PATH" npx vitest run
done
