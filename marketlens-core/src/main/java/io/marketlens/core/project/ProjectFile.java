package io.marketlens.core.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code marketlens.yaml}: the project's name, language, seed, privacy settings and
 * data sections (DESIGN.md §4.2). Load one with {@link ProjectFileLoader#load(Path)}.
 *
 * @param file the project file
 * @param project the project (product) name
 * @param language "en", "zh" or "auto"
 * @param seed the seed every stochastic step derives its own from
 * @param privacy personal-data settings
 * @param positioning how positioning options are scored and worded
 * @param data the data sections in file order
 */
public record ProjectFile(
    Path file,
    String project,
    String language,
    long seed,
    PrivacySettings privacy,
    PositioningSettings positioning,
    Map<String, DataSection> data) {

  public ProjectFile {
    data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
  }

  public Optional<DataSection> section(String name) {
    return Optional.ofNullable(data.get(name));
  }

  /** The directory relative paths in the file are resolved against. */
  public Path baseDir() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  /** Where reusable intermediate results (embedding caches) are kept, beside the project file. */
  public Path cacheDir() {
    return baseDir().resolve(".marketlens").resolve("cache");
  }

  /** Names of the data sections that were given, in file order. */
  public List<String> sectionNames() {
    return new ArrayList<>(data.keySet());
  }
}
