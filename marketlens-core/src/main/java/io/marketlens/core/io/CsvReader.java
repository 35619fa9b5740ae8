package io.marketlens.core.io;

import io.marketlens.core.io.Encodings.Detection;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV or TSV file: detects the encoding and delimiter from the first megabyte, tokenizes
 * the decoded text in large blocks into per-column buffers, checks the header, and converts the
 * columns to types in parallel.
 */
final class CsvReader {

  static final int HEAD_BYTES = 1 << 20;

  private final Path file;
  private final ReadOptions options;
  private final boolean tsv;
  private final Progress.Step step;
  private final List<String> warnings = new ArrayList<>();

  private CsvReader(Path file, ReadOptions options, boolean tsv, Progress.Step step) {
    this.file = file;
    this.options = options;
    this.tsv = tsv;
    this.step = step;
  }

  static ReadResult read(
      String tableName, Path file, ReadOptions options, boolean tsv, Progress.Step step)
      throws IOException {
    CsvReader reader = new CsvReader(file, options, tsv, step);
    try {
      return reader.read(tableName, options.encoding(), false);
    } catch (Restart r) {
      reader.warnings.clear();
      reader.warnings.add(
          "the first megabyte is plain ASCII but a later byte is not UTF-8; read as "
              + Encodings.displayName(r.charset)
              + " (set encoding to be sure)");
      return reader.read(tableName, r.charset, true);
    }
  }

  private ReadResult read(String tableName, Charset given, boolean restarted) throws IOException {
    try (InputFile in = InputFile.open(file, step)) {
      InputStream content = in.content();
      byte[] head = content.readNBytes(HEAD_BYTES);
      boolean complete = head.length < HEAD_BYTES;
      if (head.length == 0) throw empty("an empty file");
      Detection enc =
          given == null ? Encodings.detect(head, head.length, complete) : withBom(given, head);
      checkText(head, enc);
      String sample = sample(head, enc, complete);
      if (sample.isBlank()) throw empty("only blank lines");
      char delim = delimiter(sample, complete);
      RowNumbers rows = new RowNumbers(file, 2);
      CsvTokenizer tokens = new CsvTokenizer(file, delim, options.maxRecordChars(), rows);
      if (!complete) {
        tokens.expect((long) (contentBytes(in) * (double) sample.length() / head.length));
      }
      TextDecoder decoder =
          new TextDecoder(head, head.length, enc.bomLength(), content, enc.charset());
      String sha256;
      try (TextBlocks blocks = TextBlocks.start(decoder, in, !complete)) {
        for (char[] b; (b = blocks.next()) != null; blocks.release(b)) {
          tokens.feed(b, 0, blocks.length());
        }
        sha256 = blocks.sha256();
      }
      if (decoder.malformed() != null) {
        throw invalidBytes(decoder.malformed(), tokens, enc, given == null && !restarted);
      }
      tokens.finish();
      long blank = tokens.blankLines();
      if (blank > 0)
        warnings.add(blank + (blank == 1 ? " blank line skipped" : " blank lines skipped"));
      List<String> names = HeaderCheck.names(file, tokens.header(), warnings);
      if (tokens.dataRows() == 0) throw headerOnly();
      ColumnsBuilder columns = new ColumnsBuilder(file, options, rows);
      var table = columns.build(tableName, names, tokens.columns(), tokens.dataRows());
      warnings.addAll(columns.warnings());
      ReadReport report =
          new ReadReport(
              tsv ? "tsv" : "csv",
              String.valueOf(delim),
              enc.charset().name(),
              in.gzip() ? "gzip" : null,
              in.bytesRead(),
              sha256,
              warnings);
      return new ReadResult(table, report);
    }
  }

  /**
   * The size of the file's content: its size on disk, or for gzip the uncompressed size stored in
   * its last four bytes (modulo 4 GiB, so only a hint).
   */
  private long contentBytes(InputFile in) throws IOException {
    long size = Files.size(file);
    if (!in.gzip() || size < 4) return size;
    try (FileChannel ch = FileChannel.open(file)) {
      ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(b, size - 4);
      return Integer.toUnsignedLong(b.getInt(0));
    }
  }

  /** The given charset, skipping a byte-order mark of that same charset. */
  private static Detection withBom(Charset given, byte[] head) {
    Detection bom = Encodings.byteOrderMark(head, head.length);
    return new Detection(given, bom != null && bom.charset().equals(given) ? bom.bomLength() : 0);
  }

  private void checkText(byte[] head, Detection enc) {
    if (enc.charset().name().startsWith("UTF-16")) return;
    String reason = Encodings.binaryReason(head, head.length);
    if (reason == null) return;
    String hint =
        head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1'
            ? "this is a Parquet file; name it .parquet or set format: parquet"
            : head.length >= 2 && head[0] == 'P' && head[1] == 'K'
                ? "this looks like a zip or Excel file; export the sheet as CSV"
                : "export the data as CSV or TSV";
    throw InvalidInputException.in(file)
        .expected("a text file (CSV/TSV)")
        .found(reason)
        .hint(hint)
        .build();
  }

  /** The head decoded leniently, cut after its last complete line unless it is the whole file. */
  private static String sample(byte[] head, Detection enc, boolean complete) {
    int end = head.length;
    if (!complete) {
      while (end > enc.bomLength() && head[end - 1] != '\n') end--;
      if (end == enc.bomLength()) end = head.length;
    }
    try {
      String s =
          enc.charset()
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE)
              .decode(ByteBuffer.wrap(head, enc.bomLength(), end - enc.bomLength()))
              .toString();
      return s.startsWith("\ufeff") ? s.substring(1) : s;
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder does not throw", e);
    }
  }

  /**
   * The delimiter: sniffed, or given (tab for TSV). A given one that leaves the header as a single
   * column while another delimiter splits every sampled record evenly is an error.
   */
  private char delimiter(String sample, boolean complete) {
    Character given = options.delimiter() != null ? options.delimiter() : tsv ? '\t' : null;
    if (given == null) return DelimiterSniffer.sniff(sample, complete);
    char d = given;
    if (DelimiterSniffer.headerFields(sample, d) <= 1) {
      char other = DelimiterSniffer.consistentAlternative(sample, d, complete);
      if (other != 0) {
        String firstLine = sample.lines().findFirst().orElse("");
        throw InvalidInputException.in(file)
            .row(1)
            .expected("several columns separated by " + CsvTokenizer.quoteChar(d))
            .found(firstLine)
            .hint(
                String.format(
                    Locale.ROOT,
                    "the file looks %s-delimited; set delimiter: %s",
                    CsvTokenizer.quoteChar(other),
                    CsvTokenizer.quoteChar(other)))
            .build();
      }
    }
    return d;
  }

  private RuntimeException invalidBytes(
      TextDecoder.Malformed m, CsvTokenizer tokens, Detection enc, boolean detected) {
    Charset cs = enc.charset();
    if (detected && enc.bomLength() == 0 && cs.equals(StandardCharsets.UTF_8) && m.asciiBefore()) {
      return new Restart(Encodings.guessLegacy(m.context(), 0, m.context().length));
    }
    return InvalidInputException.in(file)
        .row(tokens.currentRow())
        .line(tokens.currentRecordLine())
        .column(tokens.currentColumn())
        .expected("text in " + Encodings.displayName(cs))
        .found("invalid " + cs.name() + ": " + m.bytesHex())
        .hint(Encodings.hintFor(m.context(), 0, m.context().length, cs))
        .build();
  }

  private InvalidInputException empty(String found) {
    return InvalidInputException.in(file)
        .expected("a header row and data rows")
        .found(found)
        .build();
  }

  private InvalidInputException headerOnly() {
    return InvalidInputException.in(file)
        .row(2)
        .expected("at least one data row after the header")
        .found("only the header")
        .build();
  }

  /** Thrown to read again with another charset, when detection from the head proved wrong. */
  private static final class Restart extends RuntimeException {
    private final transient Charset charset;

    Restart(Charset charset) {
      super(null, null, false, false);
      this.charset = charset;
    }
  }
}
