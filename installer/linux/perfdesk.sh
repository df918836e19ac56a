#!/bin/sh
# perfdesk launcher of the .deb (installed as /opt/apps/<appid>/files/bin/perfdesk): chooses the
# Qt input method so that Chinese can be typed, then runs the bundled program ../perfdesk with
# the same arguments. Written for /bin/sh (dash on UOS and Kylin), needs no other program.
#
# Why: the bundle carries its own Qt, which loads input-method plugins only from the bundle, never
# the system's (those are built against the system's Qt). It has Qt's "ibus" and "compose"
# plugins, and a "fcitx" one only if the builder added one built against the bundled Qt. UOS and
# Kylin set QT_IM_MODULE=fcitx for the session; with no fcitx plugin Qt would silently fall back
# to "compose" and no Chinese could be typed. fcitx5 also speaks the ibus protocol (its ibus
# frontend, on by default), so "ibus" reaches it. fcitx 4 does not; it needs a fcitx plugin.

here=$(dirname "$(readlink -f "$0")")
bundle=$(dirname "$here")
contexts="$bundle/_internal/PySide6/Qt/plugins/platforminputcontexts"

has_plugin() {  # has_plugin NAME: the bundle has Qt's input-context plugin NAME
    for plugin in "$contexts"/lib*"$1"*.so; do
        [ -e "$plugin" ] && return 0
    done
    return 1
}

running() {  # running NAME: a process of this user is called NAME (read from /proc: no pgrep needed)
    for process in /proc/[0-9]*; do
        [ -O "$process" ] || continue
        { read -r name < "$process/comm"; } 2>/dev/null || continue
        [ "$name" = "$1" ] && return 0
    done
    return 1
}

choose_input_method() {
    # Qt 6.8 and later read QT_IM_MODULES (a list) before QT_IM_MODULE: whoever set it decided.
    [ -n "${QT_IM_MODULES:-}" ] && return
    case "${QT_IM_MODULE:-}" in
        "") ;;                                        # not set: choose below
        fcitx | fcitx5) has_plugin fcitx && return ;; # the session's choice, if the bundle can follow it
        *) return ;;                                  # ibus, compose, none ...: the user's choice stands
    esac
    if running fcitx5; then
        if has_plugin fcitx; then QT_IM_MODULE=fcitx; else QT_IM_MODULE=ibus; fi
    elif running fcitx; then
        has_plugin fcitx && QT_IM_MODULE=fcitx
    elif running ibus-daemon; then
        QT_IM_MODULE=ibus
    fi
}

choose_input_method
[ -n "${QT_IM_MODULE:-}" ] && export QT_IM_MODULE
exec "$bundle/perfdesk" "$@"
