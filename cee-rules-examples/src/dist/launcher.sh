#!/bin/sh
# @PROGRAM@ @VERSION@: @WHAT@ of cee-rules.
#
# Runs lib/@JAR@ of this installation with a Java runtime, 17 or later: the one in JAVA_HOME when
# it is set, else the java on the PATH. Every argument is passed on unchanged; the exit status is
# the program's, or 2 when no usable Java is found. Works from any folder and through symbolic
# links to this file.
#
# JVM options: the launcher's own (below), then JAVA_OPTS, then CEE_RULES_OPTS; the last of an
# option wins, so CEE_RULES_OPTS=-XX:TieredStopAtLevel=4 undoes one of the launcher's. JVM warnings
# go to standard error, never to standard output.
#
# A short run of the command line compiles with C1 only (-XX:TieredStopAtLevel=1): its first
# decision comes sooner. A run is short when the files named among its arguments, or its standard
# input when it names none, hold at most 16 MiB (about 50,000 requests); a longer input, one of
# unknown length (a pipe) and serve keep both compilers, whose C2 code routes a million requests in
# half the time (docs/performance.md).
#
# Class-data sharing (the command line only): the first run on a Java routes
# samples/participant-consumption.json once to make an archive of the classes a decision loads
# (AppCDS), in $XDG_CACHE_HOME/cee-rules or ~/.cache/cee-rules; later runs map it instead of
# loading those classes from the jars. An archive fits one JVM build and one installation folder,
# so it is made here, for the Java that runs it; one that does not fit is ignored. JAVA_OPTS or
# CEE_RULES_OPTS with a class-data option of their own (-Xshare:off, -XX:SharedArchiveFile=...)
# turn this off.

program=@PROGRAM@
set -f # no file name expansion of the options

die() {
    printf '%s: %s\n' "$program" "$*" >&2
    exit 2
}

# $1 with its symbolic links followed to the file itself
resolve() {
    f=$1
    n=0
    while [ -h "$f" ] && [ "$n" -lt 40 ]; do
        if command -v readlink >/dev/null 2>&1; then
            t=$(readlink -- "$f")
        else
            t=$(ls -ld -- "$f") && t=${t#*" -> "}
        fi
        case $t in
            /*) f=$t ;;
            *) f=$(dirname -- "$f")/$t ;;
        esac
        n=$((n + 1))
    done
    printf '%s\n' "$f"
}

self=$(resolve "$0")
app_home=$(CDPATH='' cd -P -- "$(dirname -- "$self")/.." >/dev/null 2>&1 && pwd -P) ||
    die "cannot find the installation folder of $0"
jar=$app_home/lib/@JAR@
[ -f "$jar" ] || die "$jar is missing: the installation is incomplete"

# Java: JAVA_HOME, else the PATH
if [ -n "${JAVA_HOME:-}" ]; then
    java=$JAVA_HOME/bin/java
    [ -x "$java" ] || die "JAVA_HOME is $JAVA_HOME, which has no bin/java: set JAVA_HOME to a Java 17 (or later) installation, or unset it to use the java on the PATH"
else
    java=$(command -v java 2>/dev/null) || java=
    [ -n "$java" ] || die "Java was not found: $program needs a Java runtime, 17 or later. Install one (Debian, Ubuntu: apt-get install openjdk-17-jre-headless; elsewhere: https://adoptium.net), then put its bin folder on the PATH or set JAVA_HOME to it"
fi

# its version: from the release file of its installation, without starting a JVM; else java -version
java_real=$(resolve "$java")
java_version=
release=$(dirname -- "$(dirname -- "$java_real")")/release
if [ -r "$release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in
            JAVA_VERSION=*)
                java_version=${line#JAVA_VERSION=}
                java_version=${java_version#\"}
                java_version=${java_version%\"}
                break
                ;;
        esac
    done < "$release"
fi
if [ -z "$java_version" ]; then
    java_version=$("$java" -version 2>&1 | sed -n 's/^[^"]* version "\([^"]*\)".*/\1/p' | sed -n 1p)
    [ -n "$java_version" ] || die "$java does not run (java -version failed): $program needs a Java runtime, 17 or later; set JAVA_HOME to one"
fi
case $java_version in
    1.*) java_major=${java_version#1.} ;;
    *) java_major=$java_version ;;
esac
java_major=${java_major%%[!0-9]*}
if [ -n "$java_major" ] && [ "$java_major" -lt 17 ]; then
    die "$java is Java $java_version, too old: $program needs Java 17 or later. Set JAVA_HOME to a Java 17 (or later) installation"
fi

# JVM warnings on standard error (standard output carries the JSON); class-data sharing says nothing
opts="-Xlog:disable -Xlog:all=warning,cds*=off:stderr"
archive=
if [ "@COMMAND_LINE@" = yes ]; then
    # whether file $1 holds more than 16 MiB (find reads no byte: standard input keeps its offset)
    large() {
        [ -n "$(find -L "$1" -prune -size +16777216c 2>/dev/null)" ]
    }
    # whether this run is short, as far as its input tells: the files among its arguments, else
    # standard input when it is a terminal, /dev/null or a file (a pipe's length is unknown)
    short_run() {
        [ "${1:-}" != serve ] || return 1
        files=no
        for arg do
            if [ -f "$arg" ]; then
                files=yes
                ! large "$arg" || return 1
            fi
        done
        [ "$files" = no ] || return 0
        [ -t 0 ] || [ -c /dev/stdin ] || { [ -f /dev/stdin ] && ! large /dev/stdin; }
    }
    if short_run "$@"; then
        opts="$opts -XX:TieredStopAtLevel=1"
    fi

    # the class-data archive of this Java and this installation: made once, by a run on the sample
    cds_archive() {
        case " ${JAVA_OPTS:-} ${CEE_RULES_OPTS:-} " in
            *-Xshare:* | *SharedArchiveFile* | *ArchiveClassesAtExit* | *AutoCreateSharedArchive*) return 1 ;;
        esac
        if [ -n "${XDG_CACHE_HOME:-}" ]; then
            cache=$XDG_CACHE_HOME/cee-rules
        elif [ -n "${HOME:-}" ]; then
            cache=$HOME/.cache/cee-rules
        else
            return 1
        fi
        key=$(printf '%s %s\n' "$java_real" "$app_home" | cksum) || return 1
        archive=$cache/$program-@VERSION@-java-$java_version-${key%% *}.jsa
        [ -f "$archive" ] && return 0
        # a training run that failed is not tried again: remove the .failed file to try again
        [ ! -f "$archive.failed" ] || return 1
        sample=$app_home/samples/participant-consumption.json
        [ -f "$sample" ] && mkdir -p -- "$cache" 2>/dev/null || return 1
        # written under a name of its own, then renamed: a run at the same time never reads half an archive
        if "$java" $opts -XX:ArchiveClassesAtExit="$archive.$$" -jar "$jar" route "$sample" \
            < /dev/null > /dev/null 2>&1 && [ -s "$archive.$$" ] && mv -f -- "$archive.$$" "$archive"; then
            return 0
        fi
        rm -f -- "$archive.$$"
        : 2>/dev/null > "$archive.failed"
        return 1
    }
    cds_archive || archive=
fi

exec "$java" $opts ${archive:+"-XX:SharedArchiveFile=$archive"} ${JAVA_OPTS:-} ${CEE_RULES_OPTS:-} -jar "$jar" "$@"
