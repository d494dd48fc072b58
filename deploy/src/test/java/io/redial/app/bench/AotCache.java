package io.redial.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's AOT cache for the harness's app (JEP 483, 514 and 515, JDK 25), made as deploy/Dockerfile makes it: the
 * jar extracted (classes in plain jars, which the cache can hold, not nested in the Spring Boot jar), then one
 * training run that starts the app, lets it run its start-up warm-up of the webhook path on the bench's lines and
 * exits ({@code redial.warm-up.exit-when-done}, with {@code -XX:AOTCacheOutput}: classes and method profiles),
 * against a throwaway schema so the measured node still migrates its own.
 * Made again whenever the jar is newer than the cache.
 */
final class AotCache {

    private AotCache() {
    }

    /**
     * @return the extracted jar to start, with a current cache at {@code --aot-cache}; two nodes starting together
     *     wait for one training run
     */
    static synchronized Path prepare(TextBackLoadHarness.Options o, Map<String, String> env) throws Exception {
        Path cache = o.aotCache().toAbsolutePath();
        Path extracted = cache.resolveSibling("redial-extracted");
        Path jar = extracted.resolve("redial.jar");
        if (Files.exists(cache) && Files.exists(jar)
                && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(o.jar())) > 0) {
            return jar;
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        run(List.of(java.toString(), "-Djarmode=tools", "-jar", o.jar().toAbsolutePath().toString(), "extract",
                "--force", "--destination", extracted.toString()), Map.of(), cache.resolveSibling("aot-extract.log"));
        String schema = "redial_aot_training_" + System.currentTimeMillis();
        TextBackLoadHarness.sql(o, "CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        try {
            Map<String, String> training = new HashMap<>(env);
            training.put("SPRING_DATASOURCE_URL", o.dbUrl() + schema);
            training.put("PORT", String.valueOf(TextBackLoadHarness.freePort()));
            training.put("MANAGEMENT_PORT", String.valueOf(TextBackLoadHarness.freePort()));
            long started = System.nanoTime();
            Files.deleteIfExists(cache);
            run(List.of(java.toString(), "@" + o.jvmOptions().toAbsolutePath(), "-XX:AOTCacheOutput=" + cache,
                    "-Dredial.warm-up.exit-when-done=true", "-Dredial.warm-up.sandbox-max-time=PT60S", "-jar", jar.toString()), training, cache.resolveSibling("aot-training.log"));
            if (!Files.exists(cache)) {
                throw new IllegalStateException("the training run wrote no AOT cache; see " + cache.resolveSibling("aot-training.log"));
            }
            System.out.printf("AOT cache made in %.1f s (%d MB) at %s%n", (System.nanoTime() - started) / 1e9,
                    Files.size(cache) >> 20, cache);
        } finally {
            TextBackLoadHarness.sql(o, "DROP DATABASE IF EXISTS " + schema);
        }
        return jar;
    }

    private static void run(List<String> command, Map<String, String> env, Path log) throws Exception {
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("failed: " + String.join(" ", command) + "; see " + log);
        }
    }

    /** The machine's load average over 1, 5 and 15 minutes, as the figures are reported with it. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception unknown) {
            return "unknown";
        }
    }
}
