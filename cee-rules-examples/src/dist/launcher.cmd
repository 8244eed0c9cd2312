@echo off
rem @PROGRAM@ @VERSION@: @WHAT@ of cee-rules, for Windows.
rem
rem Runs lib\@JAR@ of this installation with a Java runtime, 17 or later: the one in JAVA_HOME
rem when it is set, else java.exe on the PATH. Every argument is passed on; the exit status is the
rem program's, or 2 when no usable Java is found. JVM options: the launcher's own (below), then
rem JAVA_OPTS, then CEE_RULES_OPTS; the last of an option wins. Unlike bin/@PROGRAM@, it keeps
rem the JVM's compilers whatever the input (it cannot tell a pipe from a file) and makes no
rem class-data archive: CEE_RULES_OPTS=-XX:TieredStopAtLevel=1 starts a short run sooner.

setlocal
set "APP_HOME=%~dp0.."
set "JAR=%APP_HOME%\lib\@JAR@"
rem (no echo of a path inside parentheses: a path may hold some, "Program Files (x86)")
if exist "%JAR%" goto findJava
echo @PROGRAM@: %JAR% is missing: the installation is incomplete 1>&2
exit /b 2

:findJava
if not defined JAVA_HOME goto javaOnPath
set "JAVA_EXE=%JAVA_HOME:"=%\bin\java.exe"
if exist "%JAVA_EXE%" goto javaVersion
echo @PROGRAM@: JAVA_HOME is %JAVA_HOME%, which has no bin\java.exe: set JAVA_HOME to a Java 17 (or later) installation, or unset it to use java.exe on the PATH 1>&2
exit /b 2

:javaOnPath
set "JAVA_EXE=java.exe"
where java.exe >NUL 2>&1
if %ERRORLEVEL% equ 0 goto javaVersion
echo @PROGRAM@: Java was not found: @PROGRAM@ needs a Java runtime, 17 or later. Install one (https://adoptium.net), then put its bin folder on the PATH or set JAVA_HOME to it 1>&2
exit /b 2

:javaVersion
rem from the release file of JAVA_HOME, without starting a JVM; else the first line of java -version
set "JAVA_VERSION="
if defined JAVA_HOME if exist "%JAVA_HOME:"=%\release" (
    for /f "usebackq tokens=1,* delims==" %%a in ("%JAVA_HOME:"=%\release") do (
        if "%%a"=="JAVA_VERSION" set "JAVA_VERSION=%%~b"
    )
)
if not defined JAVA_VERSION (
    for /f "tokens=2,3" %%a in ('call "%JAVA_EXE%" -version 2^>^&1') do (
        if "%%a"=="version" if not defined JAVA_VERSION set "JAVA_VERSION=%%~b"
    )
)
if defined JAVA_VERSION goto javaMajor
echo @PROGRAM@: %JAVA_EXE% does not run (java -version failed): @PROGRAM@ needs a Java runtime, 17 or later; set JAVA_HOME to one 1>&2
exit /b 2

:javaMajor
set "JAVA_MAJOR="
for /f "tokens=1,2 delims=.-+_" %%a in ("%JAVA_VERSION%") do (
    set "JAVA_MAJOR=%%a"
    if "%%a"=="1" set "JAVA_MAJOR=%%b"
)
if not defined JAVA_MAJOR goto run
if %JAVA_MAJOR% GEQ 17 goto run
echo @PROGRAM@: %JAVA_EXE% is Java %JAVA_VERSION%, too old: @PROGRAM@ needs Java 17 or later. Set JAVA_HOME to a Java 17 (or later) installation 1>&2
exit /b 2

:run
rem JVM warnings on standard error (standard output carries the JSON)
set "LAUNCHER_OPTS=-Xlog:disable -Xlog:all=warning:stderr"

"%JAVA_EXE%" %LAUNCHER_OPTS% %JAVA_OPTS% %CEE_RULES_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
