; xs4-setup on the system PATH for per-machine installs ("for all users"). electron-builder inserts customInstall after
; the files are in place and customUnInstall before they are removed (also when an update replaces the old version).
; Only <install dir>\bin goes on PATH: it holds xs4-setup.exe alone, so no Electron DLL becomes findable system-wide.
; The PATH edit is machine-path.ps1 (tested in pwsh): NSIS strings are too short to hold a long PATH safely.

!macro xs4MachinePath ACTION
  Push $0
  InitPluginsDir
  File "/oname=$PLUGINSDIR\xs4-machine-path.ps1" "${PROJECT_DIR}\resources\installer\machine-path.ps1"
  nsExec::ExecToLog '"$SYSDIR\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$PLUGINSDIR\xs4-machine-path.ps1" -Action ${ACTION} -Entry "$INSTDIR\bin"'
  Pop $0
  ${if} $0 != 0
    DetailPrint "xs4-setup: the system PATH was not changed (${ACTION}, exit $0); run $INSTDIR\bin\xs4-setup.exe by its full path."
  ${endIf}
  ; Running programs (Explorer, and consoles started from it) re-read the environment: 0xFFFF HWND_BROADCAST, 0x1A WM_SETTINGCHANGE.
  SendMessage 0xFFFF 0x1A 0 "STR:Environment" /TIMEOUT=5000
  Pop $0
!macroend

!macro customInstall
  ${if} $installMode == "all"
    !insertmacro xs4MachinePath Add
  ${endIf}
!macroend

!macro customUnInstall
  ${if} $installMode == "all"
    !insertmacro xs4MachinePath Remove
  ${endIf}
!macroend
