package mq.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void rendersEveryBlockInOrder() {
        String html = HtmlReport.titled("Lab")
                .with(new HtmlReport.Heading("Numbers"))
                .with(new HtmlReport.Paragraph("fast"))
                .with(new HtmlReport.Image("speedup.png", "Speedup"))
                .with(new HtmlReport.Table(List.of("a", "b"), List.of(List.of("1", "2"))))
                .html();

        assertThat(html).containsSubsequence("<title>Lab</title>", "<h2>Numbers</h2>", "<p>fast</p>",
                "<img src=\"speedup.png\" alt=\"Speedup\">", "<th>a</th><th>b</th>", "<td>1</td><td>2</td>");
    }

    @Test
    void escapesText() {
        String html = HtmlReport.titled("a < b").with(new HtmlReport.Paragraph("\"x\" & <script>")).html();

        assertThat(html).contains("a &lt; b", "&quot;x&quot; &amp; &lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void writesTheFile(@TempDir Path dir) throws IOException {
        Path file = HtmlReport.titled("Lab").write(dir.resolve("report.html"));

        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").contains("</html>");
    }
}
