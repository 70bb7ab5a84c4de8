package mq.lab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A single self-contained HTML page: headings, paragraphs, images (by relative path, so
 * the page and its PNGs move together) and tables. Every text is escaped.
 */
public record HtmlReport(String title, List<Block> blocks) {

    public HtmlReport {
        blocks = List.copyOf(blocks);
    }

    public static HtmlReport titled(String title) {
        return new HtmlReport(title, List.of());
    }

    public HtmlReport with(Block block) {
        List<Block> all = new ArrayList<>(blocks);
        all.add(block);
        return new HtmlReport(title, all);
    }

    public sealed interface Block permits Heading, Paragraph, Image, Table {
        String html();
    }

    public record Heading(String text) implements Block {
        @Override
        public String html() {
            return "<h2>" + escape(text) + "</h2>";
        }
    }

    public record Paragraph(String text) implements Block {
        @Override
        public String html() {
            return "<p>" + escape(text) + "</p>";
        }
    }

    public record Image(String source, String caption) implements Block {
        @Override
        public String html() {
            return "<figure><img src=\"" + escape(source) + "\" alt=\"" + escape(caption) + "\">"
                    + "<figcaption>" + escape(caption) + "</figcaption></figure>";
        }
    }

    public record Table(List<String> headers, List<List<String>> rows) implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).collect(Collectors.toUnmodifiableList());
        }

        @Override
        public String html() {
            StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
            headers.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
            html.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : rows) {
                html.append("<tr>");
                row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
                html.append("</tr>\n");
            }
            return html.append("</tbody>\n</table>").toString();
        }
    }

    public String html() {
        String body = blocks.stream().map(Block::html).collect(Collectors.joining("\n"));
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n"
                + "body { font-family: sans-serif; max-width: 1000px; margin: 2em auto; color: #222; }\n"
                + "img { max-width: 100%; border: 1px solid #ddd; }\n"
                + "figure { margin: 1.5em 0; }\n"
                + "table { border-collapse: collapse; font-size: 0.9em; }\n"
                + "th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }\n"
                + "th { background: #f4f4f4; }\n"
                + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "\n</body>\n</html>\n";
    }

    public Path write(Path file) throws IOException {
        return Files.writeString(file, html(), StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
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
