#!/usr/bin/env sh
# Installs parler, then run: parler connect
#   curl -fsSL <release URL>/install.sh | sh       the prebuilt executable for this OS and CPU (no .NET SDK needed)
#   sh scripts/install.sh --from-source              builds this checkout with the .NET 10 SDK instead
# PARLER_RELEASE_URL: where the archives and SHA256SUMS are (a URL or a local folder; default: the latest release).
# PARLER_APP_DIR (default ~/.parler/app) holds the program; PARLER_INSTALL_DIR (default ~/.local/bin) gets the link.
# --from-source builds PARLER_SOURCE (a checkout folder or a git URL to clone; default: the checkout holding this script).
set -eu

github_repo=${PARLER_GITHUB_REPO:-}

fail() { echo "parler install: $*" >&2; exit 1; }

from_source=
for argument in "$@"; do
  case "$argument" in
    --from-source) from_source=1 ;;
    -h | --help) sed -n '2,7p' "$0" 2>/dev/null | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option '$argument' (use --from-source, or none)." ;;
  esac
done

app_dir=${PARLER_APP_DIR:-$HOME/.parler/app}
bin_dir=${PARLER_INSTALL_DIR:-$HOME/.local/bin}

link() {
  mkdir -p "$bin_dir"
  ln -sf "$app_dir/$1" "$bin_dir/$1"
  echo "installed $bin_dir/$1" >&2
  case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo "add $bin_dir to your PATH: echo 'export PATH=\"$bin_dir:\$PATH\"' >> ~/.profile" >&2 ;;
  esac
  echo "next: parler connect" >&2
}

install_from_source() {
  command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK is needed to build from source (dotnet on PATH): install it from https://dot.net, or install the prebuilt executable without --from-source."
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
    fail "run this from a checkout (sh scripts/install.sh --from-source), or set PARLER_SOURCE to a checkout folder or a git URL."
  fi
  [ -f "$root/src/Parler.Cli/Parler.Cli.csproj" ] || fail "$root is not a Parler for .NET checkout (no src/Parler.Cli)."
  echo "building parler from $root into $app_dir ..." >&2
  dotnet publish "$root/src/Parler.Cli/Parler.Cli.csproj" -c Release -o "$app_dir" --nologo -v quiet --disable-build-servers >&2 \
    || fail "the build failed (output above); fix it and run this again."
  link parler
}

platform() {
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=osx ;;
    MINGW* | MSYS* | CYGWIN*) os=win ;;
    *) fail "no prebuilt parler for $(uname -s); build it with --from-source." ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) cpu=x64 ;;
    aarch64 | arm64) cpu=arm64 ;;
    *) fail "no prebuilt parler for $(uname -m); build it with --from-source." ;;
  esac
  echo "$os-$cpu"
}

# Copies one file of the release (a local folder, file:// or http(s)) to $2.
fetch() {
  case "$base" in
    http://* | https://*)
      if command -v curl >/dev/null 2>&1; then
        curl -fsSL "$base/$1" -o "$2" || fail "could not download $base/$1."
      elif command -v wget >/dev/null 2>&1; then
        wget -q "$base/$1" -O "$2" || fail "could not download $base/$1."
      else
        fail "curl or wget is needed to download $base/$1."
      fi ;;
    *)
      [ -f "${base#file://}/$1" ] || fail "no $1 in ${base#file://}."
      cp "${base#file://}/$1" "$2" ;;
  esac
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 "$1" | cut -d' ' -f1
  else fail "sha256sum or shasum is needed to check the download."
  fi
}

install_release() {
  rid=$(platform)
  if [ -n "${PARLER_RELEASE_URL:-}" ]; then
    base=${PARLER_RELEASE_URL%/}
  elif [ -n "$github_repo" ]; then
    base="https://github.com/$github_repo/releases/latest/download"
  else
    fail "this copy of install.sh does not know where releases are: set PARLER_RELEASE_URL to a release's URL or folder, or build from a checkout with --from-source."
  fi
  case "$rid" in win-*) archive="parler-$rid.zip" ;; *) archive="parler-$rid.tar.gz" ;; esac

  work=$(mktemp -d "${TMPDIR:-/tmp}/parler-install.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  echo "downloading $archive from $base ..." >&2
  fetch SHA256SUMS "$work/SHA256SUMS"
  fetch "$archive" "$work/$archive"
  expected=$(awk -v name="$archive" '$2 == name || $2 == "*" name { print $1 }' "$work/SHA256SUMS")
  [ -n "$expected" ] || fail "SHA256SUMS at $base lists no $archive; nothing was installed."
  actual=$(sha256_of "$work/$archive")
  [ "$expected" = "$actual" ] || fail "$archive does not match its SHA-256 in SHA256SUMS (expected $expected, got $actual); nothing was installed."

  mkdir -p "$work/unpacked"
  case "$archive" in
    *.zip) command -v unzip >/dev/null 2>&1 || fail "unzip is needed."; unzip -q "$work/$archive" -d "$work/unpacked" ;;
    *) tar -xzf "$work/$archive" -C "$work/unpacked" ;;
  esac
  [ -f "$work/unpacked/parler-$rid/parler" ] || [ -f "$work/unpacked/parler-$rid/parler.exe" ] \
    || fail "$archive holds no parler-$rid/parler; nothing was installed."

  # The new program replaces the old one whole: the folder is swapped, never half-written.
  mkdir -p "$(dirname "$app_dir")"
  rm -rf "$app_dir.new"
  mv "$work/unpacked/parler-$rid" "$app_dir.new"
  rm -rf "$app_dir"
  mv "$app_dir.new" "$app_dir"
  echo "parler $(cat "$app_dir/VERSION" 2>/dev/null || echo '?') for $rid, checksum verified" >&2
  if [ -f "$app_dir/parler.exe" ]; then link parler.exe; else link parler; fi
}

if [ -n "$from_source" ] || [ -n "${PARLER_SOURCE:-}" ]; then install_from_source; else install_release; fi
