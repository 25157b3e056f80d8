#!/usr/bin/env sh
# Builds parler from this checkout and puts it on your PATH. Then run: parler connect
#   sh scripts/install.sh
# Piped (curl ... | sh) it needs the source: PARLER_SOURCE=<a checkout folder or a git URL to clone>.
# PARLER_APP_DIR (default ~/.parler/app) holds the build; PARLER_INSTALL_DIR (default ~/.local/bin) gets the link.
set -eu

fail() { echo "parler install: $*" >&2; exit 1; }

command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK is needed (dotnet on PATH): install it from https://dot.net, then run this again."

here=$(cd "$(dirname "$0")" 2>/dev/null && pwd || true)
if [ -n "${PARLER_SOURCE:-}" ]; then
  if [ -d "$PARLER_SOURCE" ]; then
    root=$(cd "$PARLER_SOURCE" && pwd)
  else
    command -v git >/dev/null 2>&1 || fail "git is needed to fetch $PARLER_SOURCE."
    root=$(mktemp -d "${TMPDIR:-/tmp}/parler-src.XXXXXX")
    git clone --depth 1 --quiet "$PARLER_SOURCE" "$root" || fail "could not clone $PARLER_SOURCE."
  fi
elif [ -n "$here" ] && [ -f "$here/../Parler.slnx" ]; then
  root=$(cd "$here/.." && pwd)
else
  fail "run this from a checkout (sh scripts/install.sh), or set PARLER_SOURCE to a checkout folder or a git URL."
fi
[ -f "$root/src/Parler.Cli/Parler.Cli.csproj" ] || fail "$root is not a Parler for .NET checkout (no src/Parler.Cli)."

app_dir=${PARLER_APP_DIR:-$HOME/.parler/app}
bin_dir=${PARLER_INSTALL_DIR:-$HOME/.local/bin}
echo "building parler from $root into $app_dir ..." >&2
dotnet publish "$root/src/Parler.Cli/Parler.Cli.csproj" -c Release -o "$app_dir" --nologo -v quiet --disable-build-servers >&2 \
  || fail "the build failed (output above); fix it and run this again."
mkdir -p "$bin_dir"
ln -sf "$app_dir/parler" "$bin_dir/parler"
echo "installed $bin_dir/parler" >&2
case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) echo "add $bin_dir to your PATH: echo 'export PATH=\"$bin_dir:\$PATH\"' >> ~/.profile" >&2 ;;
esac
echo "next: parler connect" >&2
