#!/usr/bin/env bash
# Builds a release of parler under artifacts/: one Native AOT archive per platform this machine can compile for,
# the .NET tool package, install.sh, and SHA256SUMS over all of them.
#   scripts/release.sh 1.2.3
# PARLER_RIDS="linux-x64 linux-arm64" overrides the platforms (AOT never crosses operating systems; another CPU of
# the same system needs that CPU's linker and libraries). PARLER_GITHUB_REPO=owner/name stamps the download
# location into the published install.sh (the workflow passes its own repository).
set -euo pipefail

fail() { echo "parler release: $*" >&2; exit 1; }

version=${1:-}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || fail "usage: scripts/release.sh VERSION (like 1.2.3 or 1.2.3-rc.1)"
command -v dotnet >/dev/null || fail "the .NET 10 SDK is needed (dotnet on PATH)."

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/artifacts"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The platforms this machine can compile for: its own operating system, its own CPU (macOS links both).
host_rids() {
  case "$(uname -s)" in
    Linux)
      case "$(uname -m)" in
        x86_64 | amd64) echo linux-x64 ;;
        aarch64 | arm64) echo linux-arm64 ;;
        *) fail "no Native AOT target for Linux on $(uname -m)." ;;
      esac ;;
    Darwin) echo osx-arm64 osx-x64 ;;
    MINGW* | MSYS* | CYGWIN*) echo win-x64 ;;
    *) fail "no Native AOT target for $(uname -s)." ;;
  esac
}

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}

rids=${PARLER_RIDS:-$(host_rids)}
mkdir -p "$out"
rm -f "$out"/parler-*.tar.gz "$out"/parler-*.zip "$out"/parler.*.nupkg "$out/SHA256SUMS" "$out/install.sh"
stage=$(mktemp -d "${TMPDIR:-/tmp}/parler-release.XXXXXX")
trap 'rm -rf "$stage"' EXIT

for rid in $rids; do
  name="parler-$rid"
  echo "publishing $name ($version) ..." >&2
  dotnet publish "$root/src/Parler.Cli/Parler.Cli.csproj" -c Release -r "$rid" -p:PublishAot=true \
    -p:Version="$version" -o "$stage/$name" --nologo -v quiet >&2 || fail "the Native AOT build for $rid failed (output above)."
  # Debug symbols and API docs stay out of the archive; the executable and the native libraries it loads go in.
  find "$stage/$name" \( -name '*.dbg' -o -name '*.pdb' -o -name '*.xml' -o -name '*.dSYM' \) -prune -exec rm -rf {} +
  printf '%s\n' "$version" >"$stage/$name/VERSION"
  if [[ $rid == win-* ]]; then
    if command -v zip >/dev/null; then
      (cd "$stage" && zip -qr "$out/$name.zip" "$name")
    else
      (cd "$stage" && 7z a -tzip -bd "$out/$name.zip" "$name" >/dev/null) || fail "zip or 7z is needed for the $rid archive."
    fi
  else
    tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
  fi
done

echo "packing the .NET tool ($version) ..." >&2
dotnet pack "$root/src/Parler.Cli/Parler.Cli.csproj" -c Release -p:PackAsTool=true -p:PublishAot=false \
  -p:Version="$version" -o "$out" --nologo -v quiet >&2 || fail "packing the .NET tool failed (output above)."

# The published installer knows where this release's archives live.
if [ -n "${PARLER_GITHUB_REPO:-}" ]; then
  sed "s|^github_repo=.*|github_repo=\${PARLER_GITHUB_REPO:-$PARLER_GITHUB_REPO}|" "$root/scripts/install.sh" >"$out/install.sh"
else
  cp "$root/scripts/install.sh" "$out/install.sh"
fi

(cd "$out" && sha256 parler-* parler.*.nupkg install.sh >SHA256SUMS)
echo "wrote $(cd "$out" && ls parler-* parler.*.nupkg install.sh SHA256SUMS | sed "s|^|$out/|" | tr '\n' ' ')" >&2
