package io.redial.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docs cannot rot: every reference in README.md and docs/ resolves (see {@link DocsCheck}). */
class DocumentationTests {

    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyLinkPathAndCommandInTheDocsResolves() {
        DocsCheck check = new DocsCheck(PROJECT);
        assertThat(check.documents()).extracting(p -> PROJECT.relativize(p).toString())
                .contains("README.md", "docs/configuration.md", "docs/twilio.md", "docs/crm-hubspot.md",
                        "docs/console.md", "docs/performance.md", "docs/architecture.md");
        assertThat(check.problems()).isEmpty();
    }

    @Test
    void theReadmeStaysAGuideForUsers() throws IOException {
        assertThat(Files.readAllLines(PROJECT.resolve("README.md"))).hasSizeLessThanOrEqualTo(150);
    }

    @Test
    void brokenLinksAndAnchorsAreFound(@TempDir Path root) throws IOException {
        project(root);
        Files.writeString(root.resolve("docs/a.md"), "# Title\n## Two words, here\n");
        Files.writeString(root.resolve("README.md"), """
                [fine](docs/a.md) [anchor](docs/a.md#two-words-here) [web](https://example.com)
                [gone](docs/missing.md)
                [bad anchor](docs/a.md#nowhere)
                [outside](../elsewhere.md)
                """);

        assertThat(new DocsCheck(root).problems()).containsExactly(
                "README.md:2: link docs/missing.md leads to no file",
                "README.md:3: link docs/a.md#nowhere: no heading with the anchor #nowhere",
                "README.md:4: link ../elsewhere.md leaves the repository");
    }

    @Test
    void commandsNamingMissingProgramsModulesTestsOrOptionsAreFound(@TempDir Path root) throws IOException {
        project(root);
        Files.writeString(root.resolve("README.md"), """
                ```bash
                ./mvnw -pl core verify -Dtest=RealTests   # fine
                ./mvnw -pl core,ghost verify \\
                  -Dtest=GoneTests -Dsurefire.failIfNoSpecifiedTests=false
                FOO=1 bench/load --rate 5 --speed 9
                ./missing-script
                frobnicate --now
                ./redial test -Dit.test=Real*
                ./redial deploy
                ```
                """);

        assertThat(new DocsCheck(root).problems()).containsExactly(
                "README.md:4: -pl names ghost, which is not a module of the build",
                "README.md:4: -D…test names GoneTests, which matches no test class",
                "README.md:5: bench/load knows no option --speed",
                "README.md:6: `./missing-script` is neither an executable file in the repository nor a known tool",
                "README.md:7: `frobnicate` is neither an executable file in the repository nor a known tool",
                "README.md:9: ./redial takes run or test");
    }

    @Test
    void backtickedRepositoryPathsMustExist(@TempDir Path root) throws IOException {
        project(root);
        Files.writeString(root.resolve("README.md"),
                "See `core/src/test/java/RealTests.java`, `core/Gone.java`, `core/target/x.txt` and `~/.redial`.\n");

        assertThat(new DocsCheck(root).problems()).containsExactly(
                "README.md:1: `core/Gone.java` names no file in the repository");
    }

    @Test
    void screenshotsNoBrowserTestWritesAreFound(@TempDir Path root) throws IOException {
        project(root);
        Files.createDirectories(root.resolve("docs/screenshots"));
        Files.writeString(root.resolve("core/src/test/java/JourneyIT.java"),
                "class JourneyIT { String shot = \"fresh.png\"; }");
        Files.writeString(root.resolve("docs/screenshots/fresh.png"), "png");
        Files.writeString(root.resolve("docs/screenshots/stale.png"), "png");

        assertThat(new DocsCheck(root).problems()).containsExactly(
                "docs/screenshots/stale.png is written by no browser test, so it would go stale");
    }

    @Test
    void anchorsFollowGitHubsHeadingRules() {
        assertThat(DocsCheck.slug("A missed call, step by step")).isEqualTo("a-missed-call-step-by-step");
        assertThat(DocsCheck.slug("The `redial` script: **two** commands")).isEqualTo("the-redial-script-two-commands");
    }

    /** A tiny project: one module with one test class, the two launchers, and a script that lists its options. */
    private static void project(Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.createDirectories(root.resolve("core/src/test/java"));
        Files.createDirectories(root.resolve("bench"));
        Files.writeString(root.resolve("pom.xml"), "<project><modules><module>core</module></modules></project>");
        Files.writeString(root.resolve("core/src/test/java/RealTests.java"), "class RealTests {}");
        for (String script : List.of("mvnw", "redial", "bench/load")) {
            Path file = root.resolve(script);
            Files.writeString(file, "#!/bin/sh\n# options: --rate 5\n");
            file.toFile().setExecutable(true);
        }
    }
}
