package cn.gannan.hpf.shell.ui.internal;

/** A few rules on top of Valo (no compiled custom theme is available). */
final class Styles {

    static final String CSS = """
            .hpf-login { background: #f3f4f6; }
            .hpf-login-card { background: #fff; border-radius: 6px; box-shadow: 0 2px 12px rgba(0,0,0,.12); padding: 28px; }
            .hpf-login-title { font-size: 20px; font-weight: 600; color: #b71c1c; }
            .hpf-header { background: #b71c1c; color: #fff; padding: 0 16px; }
            .hpf-header .v-label, .hpf-header .v-button-link { color: #fff; }
            .hpf-office { font-size: 18px; font-weight: 600; }
            .hpf-menu { background: #fafafa; border-right: 1px solid #e0e0e0; padding: 8px 0; overflow-y: auto; }
            .hpf-menu .v-button { display: block; width: 100%; text-align: left; border-radius: 0; padding-left: 20px; }
            .hpf-menu .hpf-menu-selected { background: #fde0dc; font-weight: 600; }
            .hpf-menu-group { color: #888; font-size: 12px; padding: 12px 16px 4px 16px; text-transform: uppercase; }
            .hpf-card { background: #fff; border: 1px solid #e0e0e0; border-radius: 6px; padding: 12px 16px; margin: 0 16px 16px 0; width: 320px; vertical-align: top; }
            .hpf-card-title { font-weight: 600; margin-bottom: 8px; }
            .hpf-empty { color: #777; padding: 24px; }
            .hpf-error-text { color: #c62828; }
            """;

    private Styles() {
    }
}
