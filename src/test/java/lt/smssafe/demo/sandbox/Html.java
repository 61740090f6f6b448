package lt.smssafe.demo.sandbox;

/** The sandbox's pages share one frame; every value put into one goes through {@link #escape}. */
final class Html {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem;color:#222}
            header{border-bottom:1px solid #ccc;margin-bottom:1rem;padding-bottom:.5rem}
            header a{margin-right:1rem}
            .sandbox{background:#fff3cd;padding:.2rem .5rem;border-radius:.3rem;font-size:.85rem}
            label{display:block;margin:.6rem 0 .2rem}
            input,select{font-size:1rem;padding:.3rem;width:100%;box-sizing:border-box}
            button{font-size:1rem;padding:.4rem 1rem;margin-top:.8rem}
            .thread{list-style:none;padding:0}
            .thread li{margin:.5rem 0;padding:.5rem .8rem;border-radius:1rem;max-width:80%}
            .thread li.sent{background:#0b84ff;color:#fff;margin-left:auto}
            .thread li.reply{background:#e5e5ea}
            .thread li.note{background:none;color:#8a6d3b;font-style:italic;max-width:100%}
            .thread li.sent a{color:#fff}
            .meta{display:block;font-size:.75rem;opacity:.75}
            table{border-collapse:collapse;width:100%}
            .scroll{overflow-x:auto}
            td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}
            .notice{background:#eef;padding:.5rem;border-radius:.3rem}
            code,pre{background:#f4f4f4;padding:.1rem .3rem}
            pre{padding:.5rem;overflow-x:auto}
            .verdict{padding:.1rem .4rem;border-radius:.3rem}
            .verdict.ok{background:#d4edda;color:#155724}
            .verdict.bad{background:#f8d7da;color:#721c24}
            .switch button{margin-right:.5rem}
            table.headers td code{overflow-wrap:anywhere}
            li.delivery{margin:.8rem 0;padding-bottom:.5rem;border-bottom:1px solid #ddd}
            @media (max-width:40rem){table.stack tr:first-child{display:none}table.stack tr{display:block;
            border-bottom:2px solid #ccc;padding:.3rem 0}table.stack td{display:block;border:0;padding:.1rem .3rem}
            table.stack td[data-label]::before{content:attr(data-label) ": ";color:#666}}
            """;

    private Html() {
    }

    /** A whole page: the sandbox's navigation, then {@code body} (already escaped HTML). */
    static String page(String title, String body, int refreshSeconds) {
        String refresh = refreshSeconds > 0
                ? "<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + "\">" : "";
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="UTF-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                %s<title>%s</title><style>%s</style></head>
                <body><header><span class="sandbox">sandbox: nothing here is real money</span><br>
                <a href="/">Start</a><a href="/phone">Test phone</a><a href="/charge">Charge by MBS</a>
                <a href="/payments">Action received</a><a href="/webhooks">Webhooks</a></header>
                <h1>%s</h1>
                %s
                </body></html>
                """.formatted(refresh, escape(title.contains("sandbox") ? title : title + " · sms:safe sandbox"), STYLE,
                escape(title), body);
    }

    /** Text for HTML element content and double-quoted attribute values. */
    static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
