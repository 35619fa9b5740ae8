package io.marketlens.customers.features;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Transactions after cleaning, one entry per purchase line kept: the customer (a dense index into
 * {@link #customerIds()}), the purchase day, the spend, the order and the product.
 *
 * <p>Cleaning rules, applied in this order, each dropped line counted under the first rule it
 * breaks: missing customer id; missing time; cancelled invoice (the invoice starts with the
 * cancellation prefix); quantity missing or not positive; unit price missing or not positive (or,
 * with an amount column, amount missing or not positive). Lines with non-product codes (postage,
 * fees) are kept, as in the scikit-learn peer.
 *
 * <p>Customers are numbered in increasing id order (numerically for integer ids), so the result
 * does not depend on the order of the input rows. Immutable after construction; the accessors
 * return the internal arrays, which callers must not modify.
 */
public final class CleanTransactions {

  private final String[] customerIds;
  private final int[] customer;
  private final long[] day;
  private final double[] amount;
  private final int[] order;
  private final int orders;
  private final int[] product;
  private final int products;
  private final CleaningReport report;

  private CleanTransactions(
      String[] customerIds,
      int[] customer,
      long[] day,
      double[] amount,
      int[] order,
      int orders,
      int[] product,
      int products,
      CleaningReport report) {
    this.customerIds = customerIds;
    this.customer = customer;
    this.day = day;
    this.amount = amount;
    this.order = order;
    this.orders = orders;
    this.product = product;
    this.products = products;
    this.report = report;
  }

  /**
   * Cleans {@code table}.
   *
   * @throws InvalidInputException when a named column is absent or of the wrong type, or no line is
   *     left after cleaning
   */
  public static CleanTransactions of(Table table, TransactionColumns cols, String cancelPrefix) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(cols, "cols");
    String prefix = cancelPrefix == null ? "" : cancelPrefix;
    int n = table.rowCount();
    Column cust = table.column(cols.customer());
    Column time = requireTime(table, cols.time());
    boolean dateOnly = time.type() == ColumnType.DATE;
    Column inv = cols.invoice() == null ? null : table.column(cols.invoice());
    Column qty = cols.amount() == null ? requireNumber(table, cols.quantity()) : null;
    Column price = cols.amount() == null ? requireNumber(table, cols.price()) : null;
    Column amt = cols.amount() == null ? null : requireNumber(table, cols.amount());
    Column prod = cols.product() == null ? null : table.column(cols.product());
    boolean invStrings = inv != null && inv.type().isString();
    boolean checkCancel = invStrings && !prefix.isEmpty();

    Ids custIds = new Ids(cust, n / 64);
    Ids invIds = inv == null ? null : new Ids(inv, n / 16);
    Ids prodIds = prod == null ? null : new Ids(prod, 4096);
    int[] rc = new int[n];
    long[] rd = new long[n];
    double[] ra = new double[n];
    int[] ro = inv == null ? null : new int[n];
    int[] rp = prod == null ? null : new int[n];
    long missingId = 0;
    long missingTime = 0;
    long cancelled = 0;
    long badQty = 0;
    long badPrice = 0;
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (cust.isMissing(i)) {
        missingId++;
        continue;
      }
      if (time.isMissing(i)) {
        missingTime++;
        continue;
      }
      if (checkCancel && !inv.isMissing(i) && inv.getString(i).startsWith(prefix)) {
        cancelled++;
        continue;
      }
      double spend;
      if (amt == null) {
        double q = qty.getDouble(i);
        if (!(q > 0)) {
          badQty++;
          continue;
        }
        double p = price.getDouble(i);
        if (!(p > 0)) {
          badPrice++;
          continue;
        }
        spend = q * p;
      } else {
        spend = amt.getDouble(i);
        if (!(spend > 0)) {
          badPrice++;
          continue;
        }
      }
      long t = time.getLong(i);
      rc[kept] = custIds.idOf(i);
      rd[kept] = dateOnly ? t : Math.floorDiv(t, 86_400L);
      ra[kept] = spend;
      if (ro != null) ro[kept] = inv.isMissing(i) ? -1 : invIds.idOf(i);
      if (rp != null) rp[kept] = prod.isMissing(i) ? -1 : prodIds.idOf(i);
      kept++;
    }
    Map<String, Long> dropped = new LinkedHashMap<>();
    dropped.put("missing customer id", missingId);
    dropped.put("missing time", missingTime);
    dropped.put("cancelled invoice", cancelled);
    if (amt == null) {
      dropped.put("quantity missing or not positive", badQty);
      dropped.put("unit price missing or not positive", badPrice);
    } else {
      dropped.put("amount missing or not positive", badPrice);
    }
    if (kept == 0) {
      throw InvalidInputException.in(table.source())
          .column(cols.customer())
          .expected("at least one purchase line with a customer id, a time and a positive spend")
          .found("none of " + n + " rows")
          .hint("dropped: " + dropped)
          .build();
    }
    int[] rank = custIds.rankById();
    String[] names = custIds.namesInRankOrder(rank);
    int[] customer = new int[kept];
    for (int r = 0; r < kept; r++) customer[r] = rank[rc[r]];
    List<String> notes = new ArrayList<>();
    if (inv == null) notes.add("no invoice column: each purchase day counts as one order");
    else if (!invStrings) notes.add("invoice ids are numbers: no cancellations can be marked");
    CleaningReport report =
        new CleaningReport("transactions", n, dropped, kept, names.length, Map.of(), notes);
    return new CleanTransactions(
        names,
        customer,
        Arrays.copyOf(rd, kept),
        Arrays.copyOf(ra, kept),
        ro == null ? null : Arrays.copyOf(ro, kept),
        invIds == null ? 0 : invIds.size(),
        rp == null ? null : Arrays.copyOf(rp, kept),
        prodIds == null ? 0 : prodIds.size(),
        report);
  }

  private static Column requireTime(Table table, String name) {
    Column c = table.column(name);
    if (c.type() != ColumnType.DATE && c.type() != ColumnType.DATETIME) {
      throw InvalidInputException.in(table.source())
          .column(name)
          .expected("dates or date-times (e.g. 2011-12-09 or 2011-12-09 12:50)")
          .found("a " + c.type().id() + " column")
          .hint("set the column's type to date or datetime in the project file")
          .build();
    }
    return c;
  }

  private static Column requireNumber(Table table, String name) {
    Column c = table.column(name);
    if (!c.type().isNumeric()) {
      throw InvalidInputException.in(table.source())
          .column(name)
          .expected("numbers")
          .found("a " + c.type().id() + " column")
          .build();
    }
    return c;
  }

  /** Customer ids, in increasing order; index i is customer i. */
  public List<String> customerIds() {
    return List.of(customerIds);
  }

  /** The number of customers. */
  public int customers() {
    return customerIds.length;
  }

  /** The number of purchase lines kept. */
  public int size() {
    return customer.length;
  }

  /** Each line's customer index. */
  public int[] customer() {
    return customer;
  }

  /** Each line's purchase day (epoch day). */
  public long[] day() {
    return day;
  }

  /** Each line's spend. */
  public double[] amount() {
    return amount;
  }

  /** Each line's order index, or null without an invoice column (-1 for a missing invoice). */
  public int[] order() {
    return order;
  }

  /** The number of distinct orders (0 without an invoice column). */
  public int orders() {
    return orders;
  }

  /** Each line's product index, or null without a product column (-1 for a missing product). */
  public int[] product() {
    return product;
  }

  public int products() {
    return products;
  }

  /** The first purchase day kept. */
  public LocalDate firstDay() {
    long m = Long.MAX_VALUE;
    for (long d : day) m = Math.min(m, d);
    return LocalDate.ofEpochDay(m);
  }

  /** The last purchase day kept. */
  public LocalDate lastDay() {
    long m = Long.MIN_VALUE;
    for (long d : day) m = Math.max(m, d);
    return LocalDate.ofEpochDay(m);
  }

  public CleaningReport report() {
    return report;
  }

  /** Dense ids for the values of one column: integer columns without boxing. */
  private static final class Ids {
    private final Column col;
    private final boolean numeric;
    private final LongIntMap longs;
    private final StringIntMap strings;
    private final List<Object> keys = new ArrayList<>();
    private long lastLong;
    private String lastString;
    private int lastId = -1;

    Ids(Column col, int expected) {
      this.col = col;
      this.numeric = col.type() == ColumnType.INTEGER;
      this.longs = numeric ? new LongIntMap(expected) : null;
      this.strings = numeric ? null : new StringIntMap(expected);
    }

    /** The id of the row's value; consecutive equal values (rows of one order) skip the map. */
    int idOf(int row) {
      if (numeric) {
        long v = col.getLong(row);
        if (lastId >= 0 && v == lastLong) return lastId;
        int id = longs.idOf(v);
        if (id == keys.size()) keys.add(v);
        lastLong = v;
        lastId = id;
        return id;
      }
      String s = col.getString(row);
      // Categorical cells are pooled, one String per distinct value: identity is a cheap first
      // test.
      if (s == lastString) return lastId;
      int id = strings.idOf(s);
      if (id == keys.size()) keys.add(s);
      lastString = s;
      lastId = id;
      return id;
    }

    int size() {
      return keys.size();
    }

    /** rank[id] = position of the id in increasing key order. */
    int[] rankById() {
      Integer[] ids = new Integer[keys.size()];
      for (int i = 0; i < ids.length; i++) ids[i] = i;
      if (numeric) {
        Arrays.sort(ids, (a, b) -> Long.compare((Long) keys.get(a), (Long) keys.get(b)));
      } else {
        Arrays.sort(ids, (a, b) -> ((String) keys.get(a)).compareTo((String) keys.get(b)));
      }
      int[] rank = new int[ids.length];
      for (int r = 0; r < ids.length; r++) rank[ids[r]] = r;
      return rank;
    }

    String[] namesInRankOrder(int[] rank) {
      String[] out = new String[rank.length];
      for (int id = 0; id < rank.length; id++) out[rank[id]] = String.valueOf(keys.get(id));
      return out;
    }
  }
}
