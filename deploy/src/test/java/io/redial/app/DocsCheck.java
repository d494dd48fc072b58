package io.redial.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds what has rotted in the project's Markdown (README.md and docs/): links and anchors that lead nowhere,
 * repository paths in backticks that no longer exist, and command lines whose program, Maven modules, tests
 * or script flags are gone. Each problem names its file and line.
 */
final class DocsCheck {

    /** Programs a reader brings themselves; anything else a command block starts with must be in the repository. */
    private static final Set<String> OUTSIDE_TOOLS = Set.of("java", "curl", "git", "apt-get", "mysql", "kubectl",
            "docker", "export", "cd");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\s]+)`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^```\\s*(\\w*)\\s*$");
    private static final Pattern ENV_ASSIGNMENT = Pattern.compile("^[A-Z_][A-Z0-9_]*=.*");

    private final Path root;
    private final Set<String> modules;
    private final Set<String> testClasses;

    DocsCheck(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.modules = modules(this.root);
        this.testClasses = testClasses(this.root, modules);
    }

    /** README.md and every Markdown file under docs/. */
    List<Path> documents() {
        List<Path> docs = new ArrayList<>();
        if (Files.exists(root.resolve("README.md"))) {
            docs.add(root.resolve("README.md"));
        }
        Path folder = root.resolve("docs");
        if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return docs;
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Path doc : documents()) {
            problems.addAll(problems(doc));
        }
        problems.addAll(screenshotProblems());
        return problems;
    }

    /** Every picture in docs/screenshots is one a browser test writes, so rerunning it refreshes them all. */
    private List<String> screenshotProblems() {
        Path folder = root.resolve("docs/screenshots");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        String browserTests = String.join("\n", sources(root, modules, name -> name.endsWith("IT.java")));
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted()
                    .filter(name -> !browserTests.contains("\"" + name + "\""))
                    .map(name -> "docs/screenshots/" + name + " is written by no browser test, so it would go stale")
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> problems(Path doc) {
        List<String> problems = new ArrayList<>();
        List<String> lines = read(doc);
        boolean inCode = false;
        boolean shellBlock = false;
        StringBuilder command = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = root.relativize(doc) + ":" + (i + 1) + ": ";
            Matcher fence = FENCE.matcher(line.trim());
            if (line.trim().startsWith("```")) {
                if (!inCode) {
                    shellBlock = fence.matches() && Set.of("bash", "sh", "shell").contains(fence.group(1));
                }
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                if (shellBlock) {
                    command.append(line.strip());
                    if (line.strip().endsWith("\\")) {
                        command.setLength(command.length() - 1);
                        command.append(' ');
                        continue;
                    }
                    commandProblems(command.toString(), where, problems);
                    command.setLength(0);
                }
                continue;
            }
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                linkProblem(doc, link.group(1), where).ifPresent(problems::add);
            }
            Matcher span = CODE_SPAN.matcher(line);
            while (span.find()) {
                pathProblem(span.group(1), where).ifPresent(problems::add);
            }
        }
        return problems;
    }

    private java.util.Optional<String> linkProblem(Path doc, String target, String where) {
        if (target.matches("^[a-z]+:.*")) {
            return java.util.Optional.empty(); // http:, https:, mailto: — not ours to check
        }
        String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
        Path file = path.isEmpty() ? doc : doc.getParent().resolve(path).normalize();
        if (!file.startsWith(root)) {
            return java.util.Optional.of(where + "link " + target + " leaves the repository");
        }
        if (!Files.exists(file)) {
            return java.util.Optional.of(where + "link " + target + " leads to no file");
        }
        if (anchor != null && file.toString().endsWith(".md") && !anchors(file).contains(anchor)) {
            return java.util.Optional.of(where + "link " + target + ": no heading with the anchor #" + anchor);
        }
        return java.util.Optional.empty();
    }

    /** A backticked path into one of the project's folders must exist (build outputs and patterns excepted). */
    private java.util.Optional<String> pathProblem(String span, String where) {
        int slash = span.indexOf('/');
        if (slash < 0 || span.contains("target/") || span.matches(".*[<>*{}…$].*")) {
            return java.util.Optional.empty();
        }
        String top = span.substring(0, slash);
        boolean ours = modules.contains(top) || Set.of("docs", "bench", ".ci").contains(top);
        if (!ours || Files.exists(root.resolve(span))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(where + "`" + span + "` names no file in the repository");
    }

    private void commandProblems(String logical, String where, List<String> problems) {
        String withoutComment = logical.replaceAll("(^|\\s)#.*$", "");
        for (String part : withoutComment.split("&&|\\|\\||[|;]")) {
            List<String> words = new ArrayList<>(Arrays.asList(part.trim().split("\\s+")));
            while (!words.isEmpty() && ENV_ASSIGNMENT.matcher(words.getFirst()).matches()) {
                words.removeFirst();
            }
            if (words.isEmpty() || words.getFirst().isEmpty()) {
                continue;
            }
            String program = words.getFirst();
            if (OUTSIDE_TOOLS.contains(program)) {
                continue;
            }
            Path file = root.resolve(program).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file) || !Files.isExecutable(file)) {
                problems.add(where + "`" + program + "` is neither an executable file in the repository nor a known tool");
                continue;
            }
            String name = file.getFileName().toString();
            if (name.equals("mvnw") || name.equals("redial")) {
                mavenProblems(name, words, where, problems);
            } else {
                scriptFlagProblems(file, words, where, problems);
            }
        }
    }

    private void mavenProblems(String program, List<String> words, String where, List<String> problems) {
        if (program.equals("redial") && (words.size() < 2 || !Set.of("run", "test").contains(words.get(1)))) {
            problems.add(where + "./redial takes run or test");
        }
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("-pl") && i + 1 < words.size()) {
                for (String module : words.get(i + 1).split(",")) {
                    if (!modules.contains(module)) {
                        problems.add(where + "-pl names " + module + ", which is not a module of the build");
                    }
                }
            }
            Matcher test = Pattern.compile("^-D(?:test|it\\.test)=(.+)$").matcher(word);
            if (test.matches()) {
                for (String name : test.group(1).split(",")) {
                    String cls = name.contains("#") ? name.substring(0, name.indexOf('#')) : name;
                    String regex = cls.replace(".", "\\.").replace("*", ".*");
                    if (testClasses.stream().noneMatch(c -> c.matches(regex))) {
                        problems.add(where + "-D…test names " + name + ", which matches no test class");
                    }
                }
            }
        }
    }

    /** A script's options are listed in its own text (its header), so a renamed or removed one shows up here. */
    private void scriptFlagProblems(Path script, List<String> words, String where, List<String> problems) {
        String text = String.join("\n", read(script));
        for (String word : words.subList(1, words.size())) {
            if (word.startsWith("--") && !text.contains(word)) {
                problems.add(where + root.relativize(script) + " knows no option " + word);
            }
        }
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    static Set<String> anchors(Path doc) {
        Set<String> anchors = new HashSet<>();
        boolean inCode = false;
        for (String line : read(doc)) {
            if (line.trim().startsWith("```")) {
                inCode = !inCode;
            }
            Matcher heading = HEADING.matcher(line);
            if (!inCode && heading.matches()) {
                anchors.add(slug(heading.group(1)));
            }
        }
        return anchors;
    }

    static String slug(String heading) {
        String plain = heading.replaceAll("`|\\*\\*|\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static Set<String> modules(Path root) {
        Set<String> modules = new HashSet<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(String.join("\n", read(root.resolve("pom.xml"))));
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        return modules;
    }

    private static Set<String> testClasses(Path root, Set<String> modules) {
        Set<String> classes = new HashSet<>();
        for (Path source : testSources(root, modules, name -> name.endsWith(".java"))) {
            String name = source.getFileName().toString();
            classes.add(name.substring(0, name.length() - ".java".length()));
        }
        return classes;
    }

    private static List<Path> testSources(Path root, Set<String> modules, java.util.function.Predicate<String> named) {
        List<Path> sources = new ArrayList<>();
        for (String module : modules) {
            Path tests = root.resolve(module).resolve("src/test/java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(tests)) {
                walk.filter(p -> named.test(p.getFileName().toString())).forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static List<String> sources(Path root, Set<String> modules, java.util.function.Predicate<String> named) {
        return testSources(root, modules, named).stream().map(p -> String.join("\n", read(p))).toList();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
