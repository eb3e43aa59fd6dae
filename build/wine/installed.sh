#!/bin/bash
# The installed program on a clean PC (called by build/wine/ci.sh, which sets the variables):
#
#   bash build/wine/installed.sh PREFIX
#
# PREFIX is a fresh Windows 10 prefix with no Python, whose user is "Lò Thị Hạnh". In order:
# install $SETUP silently per user (no administrator rights asked), check the shortcuts, the
# uninstall entry and that nothing went to the machine-wide registry; use the installed CLI
# like a clerk (set-up, demo data, check, the month's PDF and Excel, posters, backup, the
# signed package onto a "USB stick" E:); start the installed window (Qt's windows platform
# under Xvfb), screenshot it at 100 % and 150 %, start it a second time (hand-over); install
# $NEXT_SETUP over it (the data stays, the version changes, an older-schema database is
# upgraded); uninstall (program and shortcuts gone, the data stays).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=build/wine/lib.sh
. "$HERE/lib.sh"
PC=$1
OUT="$WORK/out"
USERDIR="$PC/drive_c/users/$WIN_USER"
LOCAL="$USERDIR/AppData/Local"
APP="$LOCAL/Programs/QuynhNhai"
APP_WIN="C:\\users\\$WIN_USER\\AppData\\Local\\Programs\\QuynhNhai"
DATA="$LOCAL/UBND huyen Quynh Nhai/QuynhNhai"
START_MENU="$USERDIR/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
APP_ID='{48DDC1FF-BF1E-41EF-99C4-68520A53FB0E}_is1'
mkdir -p "$OUT"

fail() { echo "FAILED: $*" >&2; exit 1; }
cli() { win "$PC" "$APP_WIN\\quynhnhai-cli.exe" "$@"; }
# setup EXE: run an installer silently, as the clerk's own (non-administrator) user.
setup() {
  cp "$1" "$PC/drive_c/setup.exe"
  WIN_BIN=wine win "$PC" 'C:\setup.exe' /VERYSILENT /SUPPRESSMSGBOXES /NORESTART \
    /TASKS=desktopicon '/LOG=C:\setup.log'
  wine_wait "$PC"
  grep -a -q "Installation process succeeded" "$PC/drive_c/setup.log" || {
    tail -20 "$PC/drive_c/setup.log"
    fail "setup $(basename "$1")"
  }
}
# uninstall_value NAME: a value of the program's uninstall entry (HKCU), or nothing.
uninstall_value() {
  win "$PC" reg query "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\$APP_ID" \
    /v "$1" 2> /dev/null | tr -d '\r' | sed -n "s/^ *$1 *REG_SZ *//p" || true
}

echo "--- install (per user, silent)"
setup "$SETUP"
[ -f "$APP/QuynhNhai.exe" ] && [ -f "$APP/quynhnhai-cli.exe" ] || fail "program not in $APP"
[ -f "$START_MENU/Quỳnh Nhai.lnk" ] || fail "no Start-menu shortcut named Quỳnh Nhai"
[ -f "$USERDIR/Desktop/Quỳnh Nhai.lnk" ] || fail "no desktop shortcut named Quỳnh Nhai"
# The shortcut's tooltip is Vietnamese.isl's AppComment (UTF-16 inside the .lnk).
python3 -c 'import sys; sys.exit("Sổ theo dõi tuyên truyền".encode("utf-16-le") not in open(sys.argv[1], "rb").read())' \
  "$START_MENU/Quỳnh Nhai.lnk" || fail "the shortcut's comment is not in Vietnamese"
version=$(uninstall_value DisplayVersion)
echo "installed: $(uninstall_value DisplayName) $version"
[ -n "$version" ] || fail "no uninstall entry under HKCU"
! grep -q -a "48DDC1FF" "$PC/system.reg" || fail "the setup wrote machine-wide (HKLM)"

echo "--- the installed CLI, as a clerk uses it"
mkdir -p "$WORK/usb" && ln -sfn "$WORK/usb" "$PC/dosdevices/e:"
cli --version
cli init --commune 03703 --signer-name "Lò Văn Thành" --signer-title "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
# Demo data up to this month: the window opens on the current month, with its figures.
MONTH=$(date +%Y-%m)
cli demo --until "$MONTH"
cli check | tee "$OUT/check-before.txt"
docs="C:\\users\\$WIN_USER\\Documents"
cli report monthly --month "$MONTH" --pdf "$docs\\Báo cáo tháng này.pdf" --xlsx "$docs\\Báo cáo tháng này.xlsx"
cli qr posters --out "$docs\\Áp phích QR.pdf" --layout a4
cli backup create
cli package export --month "$MONTH" --out 'E:\'
[ -f "$DATA/quynhnhai.sqlite3" ] || fail "the data is not in %LOCALAPPDATA%\\UBND huyen Quynh Nhai\\QuynhNhai"
ls "$WORK/usb/"*.qnbc > /dev/null || fail "no report package on the stick"
pdftoppm -r 50 -png -f 1 -l 1 "$USERDIR/Documents/Báo cáo tháng này.pdf" "$OUT/installed-report"

echo "--- the installed window"
# Wine's virtual desktop stands for the Windows desktop: window frames, activation, Alt+F4.
# Qt's windows platform, and the clerk's Windows scaling (LogPixels: 96 = 100 %, 144 = 150 %).
LOG="$DATA/logs/quynhnhai.log"
desktop() { DISPLAY=$WIN_DISPLAY xdotool "$@"; }
# window_shot NAME DPI SIZE: start the installed window on a desktop of SIZE, wait until it
# shows its data (it then listens for later starts: a line in its log), let the charts load
# (two identical screenshots in a row) and save the screenshot as $OUT/NAME.png.
window_shot() {
  local name=$1 dpi=$2 size=$3 i seen
  win "$PC" reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d "$dpi" /f > /dev/null
  win "$PC" reg add 'HKCU\Software\Wine\Explorer' /v Desktop /t REG_SZ /d Default /f > /dev/null
  win "$PC" reg add 'HKCU\Software\Wine\Explorer\Desktops' /v Default /t REG_SZ /d "$size" /f > /dev/null
  wine_wait "$PC"
  seen=$(grep -a -c "listening for later starts" "$LOG" || true)
  win "$PC" "$APP_WIN\\QuynhNhai.exe" > "$WORK/logs/window-$name.log" &
  echo $! > "$WORK/window.pid"
  for i in $(seq 240); do
    [ "$(grep -a -c "listening for later starts" "$LOG" || true)" -gt "$seen" ] && break
    sleep 0.5
  done
  [ "$i" -lt 240 ] || fail "the installed window did not show its data"
  SHOT_AREA="0,0,${size/x/,}"
  desktop mousemove "$title_x" "$title_y" click 1  # on its title bar: the active window
  shot "$name"
}
# shot NAME: the screen once it has stopped changing.
shot() {
  local i last="" now
  for i in $(seq 30); do
    sleep 1
    DISPLAY=$WIN_DISPLAY scrot -o -a "$SHOT_AREA" "$OUT/$1.png"
    now=$(md5sum < "$OUT/$1.png")
    [ "$now" = "$last" ] && break
    last=$now
  done
}
# close_window: close it as its X button or the taskbar does (WM_CLOSE: taskkill without /F);
# the program ends by itself (its backup on close made, its lock released).
close_window() {
  local i
  win "$PC" taskkill /IM QuynhNhai.exe > /dev/null
  for i in $(seq 120); do kill -0 "$(cat "$WORK/window.pid")" 2> /dev/null || return 0; sleep 0.5; done
  fail "the window did not close when asked to"
}
# Where Wine centres the window's title bar on its desktop (1280x900 at 100 %, 1920x1200 at 150 %).
title_x=600 title_y=79
window_shot windows-overview.vi 96 1280x900
# The activity list and its topic filter's list open: capitals keep their marks (Ứ, Đ), items
# are whole. Where the window sits on Wine's 1280x900 desktop at 100 % (it centres it).
desktop mousemove 148 153 click 1
shot windows-activities.vi
desktop mousemove 1108 185 click 1
shot windows-topic-filter.vi
desktop key Escape
# A second start of the program hands over to this window and ends at once.
echo "--- a second start hands over"
timeout 120 bash -c '. "$0" && win "$1" "$2"' "$HERE/lib.sh" "$PC" "$APP_WIN\\QuynhNhai.exe" ||
  fail "the second start did not end"
grep -a "already running: brought its window forward" "$LOG" | tail -1 ||
  fail "no hand-over in the log"
close_window
title_x=960 title_y=104
window_shot windows-overview.vi.150 144 1920x1200
close_window
win "$PC" reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d 96 /f > /dev/null

echo "--- upgrade: the next version over this one"
cp "$DATA/quynhnhai.sqlite3" "$WORK/before-upgrade.sqlite3"
setup "$NEXT_SETUP"
[ "$(uninstall_value DisplayVersion)" = "$NEXT_VERSION" ] || fail "the upgrade did not change the version"
[ "$(find "$START_MENU" -name '*.lnk' | wc -l)" = 1 ] || fail "the upgrade left two Start-menu shortcuts"
cli check | tee "$OUT/check-after.txt"
diff <(grep -v -i "sao lưu\|backup" "$OUT/check-before.txt") <(grep -v -i "sao lưu\|backup" "$OUT/check-after.txt") ||
  fail "the data changed in the upgrade"
# A database an older release left (one schema revision behind, made by the migration history
# in the build prefix): the upgraded program brings it to the current schema, keeping a backup.
if [ -f "$WORK/old-schema.sqlite3" ]; then
  old="$LOCAL/old-release"
  mkdir -p "$old" && cp "$WORK/old-schema.sqlite3" "$old/quynhnhai.sqlite3"
  cli --data-dir "C:\\users\\$WIN_USER\\AppData\\Local\\old-release" check | tee "$OUT/check-old-schema.txt"
  ls "$old/backups/"*.sqlite3 > /dev/null || fail "no backup before the schema upgrade"
fi

echo "--- uninstall"
WIN_BIN=wine win "$PC" "$APP_WIN\\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
wine_wait "$PC"
for i in $(seq 60); do [ -e "$APP/QuynhNhai.exe" ] || break; sleep 0.5; done
[ ! -e "$APP/QuynhNhai.exe" ] || fail "the program is still installed"
[ ! -e "$START_MENU/Quỳnh Nhai.lnk" ] && [ ! -e "$USERDIR/Desktop/Quỳnh Nhai.lnk" ] ||
  fail "shortcuts left after uninstall"
[ -z "$(uninstall_value DisplayVersion)" ] || fail "the uninstall entry is still there"
[ -f "$DATA/quynhnhai.sqlite3" ] || fail "uninstall removed the data"
echo "installed program: all checks passed"
