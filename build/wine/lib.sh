# Helpers of the Wine stage (sourced by build/wine/ci.sh; bash only).
#
# Wine facts these rely on (Wine 8.0, Debian bookworm):
#   - a Windows CPython dies ("init_sys_streams ... Invalid handle") when its stdout/stderr is a
#     regular file: every Windows program's output goes through a pipe (| cat);
#   - Linux variables starting with QT_ never reach Windows processes: Qt settings go into the
#     prefix's HKCU\Environment (winreg_env);
#   - the Linux environment leaks into Windows processes (PIP_FIND_LINKS, PYTHON*, ...): each
#     Windows program starts from env -i with only what it needs;
#   - a new prefix links the user's Desktop, Documents, ... to $HOME: HOME is a throwaway folder,
#     and those links are made real folders (a shortcut on "the desktop" stays in the prefix).

# win PREFIX PROGRAM ARGS...: run a 64-bit Windows program in PREFIX with a clean environment,
# its output piped. WIN_ENV="A=1 B=2": extra variables (not QT_*); WIN_BIN=wine for 32-bit
# programs (Inno Setup); WIN_DISPLAY=:N for a program that needs a screen; WIN_USER: the
# Windows user's name (the profile folder's name when the prefix is made).
win() {
  local prefix=$1
  shift
  # shellcheck disable=SC2086  # WIN_ENV is a list of NAME=value words
  env -i HOME="$WORK/home" USER="${WIN_USER:-clerk}" LANG=C.UTF-8 PATH=/usr/lib/wine:/usr/bin:/bin \
    WINEPREFIX="$prefix" WINEDEBUG=-all WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree,mshtml=" \
    ${WIN_DISPLAY:+DISPLAY=$WIN_DISPLAY} ${WIN_ENV:-} \
    bash -o pipefail -c '"$0" "$@" 2>&1 | cat' "${WIN_BIN:-wine64}" "$@"
}

# wine_stop PREFIX: end the prefix's wineserver (and every program still running in it).
wine_stop() { env WINEPREFIX="$1" /usr/lib/wine/wineserver -k 2> /dev/null || true; }
# wine_wait PREFIX: wait until every program of the prefix has ended (the registry is saved).
wine_wait() { env WINEPREFIX="$1" /usr/lib/wine/wineserver -w 2> /dev/null || true; }

# winpath LINUX_PATH: the same file seen from Windows (Wine's Z: drive is /).
winpath() { printf 'Z:%s' "${1//\//\\}"; }

# winreg_env PREFIX NAME VALUE: a user environment variable every later program of PREFIX sees.
winreg_env() { win "$1" reg add 'HKCU\Environment' /v "$2" /t REG_SZ /d "$3" /f > /dev/null; }

# new_prefix DIR: a Wine prefix reporting Windows 10, with the two test-only stand-ins
# (build/wine/stubs) in system32 and the fonts of a Windows PC substituted (see fonts below).
new_prefix() {
  local prefix=$1 user
  win "$prefix" wineboot -i > /dev/null
  WIN_BIN=wine win "$prefix" winecfg -v win10 > /dev/null
  wine_wait "$prefix"
  cp "$WORK/stubs/icuuc.dll" "$WORK/stubs/bcryptprimitives.dll" "$prefix/drive_c/windows/system32/"
  for user in "$prefix"/drive_c/users/*/; do
    find "$user" -maxdepth 1 -type l | while read -r link; do rm "$link" && mkdir "$link"; done
  done
  # Fonts: Wine has none of Windows'. Segoe UI (the screens' font on Windows 10/11) and Times
  # New Roman (the papers') are mapped to Debian's Liberation Sans and Serif, and the message
  # font Qt takes as its default (Wine's Tahoma) to Segoe UI's stand-in too. Liberation Sans is
  # Arial-metric, so a little wider than Segoe UI: text that fits here fits on Windows.
  local key='HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontSubstitutes'
  win "$prefix" reg add "$key" /v "Segoe UI" /t REG_SZ /d "Liberation Sans" /f > /dev/null
  win "$prefix" reg add "$key" /v "Times New Roman" /t REG_SZ /d "Liberation Serif" /f > /dev/null
  win "$prefix" reg add 'HKCU\Software\Wine\Fonts\Replacements' /v "Tahoma" /t REG_SZ \
    /d "Liberation Sans" /f > /dev/null
  wine_wait "$prefix"
}

# copy_tree FROM TO: a working copy of a cached folder (TO is replaced).
copy_tree() { rm -rf "$2" && mkdir -p "$(dirname "$2")" && cp -a "$1" "$2"; }

# cached_key FILE... : a short hash of the files (and of WINE_VERSION) for a cache folder's name.
cached_key() { { echo "$WINE_VERSION"; cat "$@"; } | sha256sum | cut -c1-16; }
# prefix_recipe: the text of what makes a prefix (these functions), for the prefix's key.
prefix_recipe() { declare -f win wine_wait new_prefix; }

# step NAME FUNCTION: run FUNCTION, timed, and record its time and the disk it added.
step() {
  local name=$1 t0 t1 d0 d1
  shift
  t0=$(date +%s)
  d0=$(df -m --output=used / | tail -1)
  echo "=== $name" >&2
  "$@"
  t1=$(date +%s)
  d1=$(df -m --output=used / | tail -1)
  printf '%-12s %5ss %+7d MB\n' "$name" $((t1 - t0)) $((d1 - d0)) | tee -a "$WORK/steps.txt" >&2
}

# xvfb_start: a virtual screen for the programs that draw (Qt's windows platform, Setup).
xvfb_start() {
  local fd_file="$WORK/xvfb.display"
  Xvfb -displayfd 3 -screen 0 1920x1200x24 -nolisten tcp 3> "$fd_file" > "$WORK/logs/xvfb.log" 2>&1 &
  echo $! > "$WORK/xvfb.pid"
  local i
  for i in $(seq 100); do [ -s "$fd_file" ] && break; sleep 0.1; done
  DISPLAY_NUM=$(cat "$fd_file")
  export WIN_DISPLAY=":$DISPLAY_NUM"
}
xvfb_stop() { [ -f "$WORK/xvfb.pid" ] && kill "$(cat "$WORK/xvfb.pid")" 2> /dev/null || true; }
