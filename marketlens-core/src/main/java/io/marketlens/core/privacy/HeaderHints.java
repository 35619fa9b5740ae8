package io.marketlens.core.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a column header (and the table's role) says about personal data. Headers are split into
 * lower-case words at separators and camel-case humps ({@code CustomerEmail} → customer, email);
 * Chinese headers are searched for keywords.
 *
 * <p>A name header is not a hint when another word says the name is not a person's ({@code
 * product_name}, {@code brand name}, {@code 产品名称}), and a bare {@code name} is not a hint in a
 * table of products, items, competitors and the like.
 */
final class HeaderHints {

  private static final Pattern HUMPS =
      Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private static final Set<String> EMAIL_WORDS = setOf("email emails mail mails");
  private static final List<String> EMAIL_HAN = listOf("邮箱 邮件 电邮");

  private static final Set<String> PHONE_WORDS =
      setOf(
          "phone phones mobile tel telephone cellphone phonenumber phoneno telno msisdn fax "
              + "whatsapp");
  private static final List<String> PHONE_HAN = listOf("手机 电话 座机 传真 联系方式");

  private static final Set<String> ID_CARD_WORDS =
      setOf("idcard sfz sfzh nationalid citizenid residentid");
  private static final Set<String> ID_CARD_QUALIFIERS =
      setOf("card identity national citizen resident");
  private static final List<String> ID_CARD_HAN = listOf("身份证 证件号");

  private static final Set<String> NAME_WORDS = setOf("name names");
  private static final Set<String> NAME_ONLY_WORDS = setOf("surname forename contact");
  private static final Set<String> PERSON_QUALIFIERS =
      setOf(
          "first last full given family middle maiden sur fore nick customer client contact "
              + "person real legal holder cardholder buyer recipient sender reviewer author patient "
              + "employee member guest passenger student profile");
  private static final List<String> NAME_HAN = listOf("姓名 名字 联系人 收货人 收件人 客户名");

  /** Words that make a "name" something other than a person's. */
  private static final Set<String> NOT_PERSON =
      setOf(
          "product products model models make brand brands category categories item items title "
              + "sku company business store shop merchant vendor supplier seller city country state "
              + "province region street address file host domain campaign plan service type method "
              + "channel preference preferred group segment team department dept app device course "
              + "hotel restaurant org organization organisation bank project job role color colour "
              + "tag label class feature event game movie film song album track book dataset column "
              + "field code package competitor catalog catalogue platform source site page summary "
              + "review comment description subject headline keyword query variant size style "
              + "collection series edition version sheet table metric account status reason");

  private static final List<String> NOT_PERSON_HAN =
      listOf("产品 商品 品牌 型号 类别 品类 分类 店 公司 名称 文件 城市 渠道");

  /** Table roles (singular) whose bare "name" column names a thing, not a person. */
  private static final Set<String> THING_TABLES =
      setOf(
          "product item catalog catalogue competitor brand store shop sku campaign category "
              + "merchant vendor supplier company inventory listing offer app");

  /** Words of identifier, code and amount columns, whose grouped digits are not phone numbers. */
  private static final Set<String> IDENTIFIER_WORDS =
      setOf(
          "id ids sku code codes isbn issn serial zip zipcode postal postcode barcode ean upc "
              + "gtin invoice order transaction tracking version ip date time year ref reference "
              + "number no num nr account amount price quantity qty");

  private HeaderHints() {}

  private static Set<String> setOf(String spaceSeparated) {
    return Set.of(spaceSeparated.split(" "));
  }

  private static List<String> listOf(String spaceSeparated) {
    return List.of(spaceSeparated.split(" "));
  }

  /** The kind of personal data the header announces, or null. */
  static PiiKind hint(String header, String tableName) {
    List<String> words = words(header);
    if (isIdCard(words, header)) return PiiKind.CN_ID_CARD;
    if (isEmail(words, header)) return PiiKind.EMAIL;
    if (isPhone(words, header)) return PiiKind.PHONE;
    if (isName(words, header, tableName)) return PiiKind.PERSON_NAME;
    return null;
  }

  /** Whether names must not be guessed from the values alone (the header or table says "thing"). */
  static boolean excludesNames(String header, String tableName) {
    return words(header).stream().anyMatch(NOT_PERSON::contains)
        || containsAny(header, NOT_PERSON_HAN)
        || isThingTable(tableName);
  }

  /** Whether the header names an identifier, code or amount (no phone guessing from groups). */
  static boolean isIdentifier(String header) {
    for (String w : words(header)) {
      if (IDENTIFIER_WORDS.contains(w) || (w.length() > 3 && w.endsWith("id"))) return true;
    }
    return false;
  }

  /** The header's lower-case words: "CustomerEmail" → [customer, email]. */
  static List<String> words(String header) {
    String spaced = HUMPS.matcher(header).replaceAll(" ").toLowerCase(Locale.ROOT);
    List<String> out = new ArrayList<>();
    for (String w : SEPARATORS.split(spaced)) if (!w.isEmpty()) out.add(w);
    return out;
  }

  private static boolean isIdCard(List<String> words, String header) {
    if (containsAny(header, ID_CARD_HAN)) return true;
    if (words.stream().anyMatch(ID_CARD_WORDS::contains)) return true;
    return words.contains("id") && words.stream().anyMatch(ID_CARD_QUALIFIERS::contains);
  }

  private static boolean isEmail(List<String> words, String header) {
    if (containsAny(header, EMAIL_HAN)) return true;
    for (String w : words) {
      if (EMAIL_WORDS.contains(w) || w.startsWith("email") || w.endsWith("email")) return true;
    }
    return false;
  }

  private static boolean isPhone(List<String> words, String header) {
    if (containsAny(header, PHONE_HAN)) return true;
    for (String w : words) {
      if (PHONE_WORDS.contains(w) || w.startsWith("phone") || w.endsWith("phone")) return true;
    }
    return false;
  }

  private static boolean isName(List<String> words, String header, String tableName) {
    if (containsAny(header, NOT_PERSON_HAN)) return false;
    if (containsAny(header, NAME_HAN) || header.strip().equals("姓") || header.strip().equals("名"))
      return true;
    if (words.stream().anyMatch(NOT_PERSON::contains)) return false;
    for (String w : words) {
      if (NAME_ONLY_WORDS.contains(w) || isPersonCompound(w)) return true;
    }
    if (words.stream().noneMatch(NAME_WORDS::contains)) return false;
    return words.stream().anyMatch(PERSON_QUALIFIERS::contains) || !isThingTable(tableName);
  }

  /** "firstname", "customername": a person qualifier glued to "name". */
  private static boolean isPersonCompound(String w) {
    return w.length() > 4
        && w.endsWith("name")
        && PERSON_QUALIFIERS.contains(w.substring(0, w.length() - 4));
  }

  private static boolean isThingTable(String tableName) {
    if (tableName == null) return false;
    for (String w : words(tableName)) if (THING_TABLES.contains(singular(w))) return true;
    return false;
  }

  private static String singular(String w) {
    if (w.length() > 4 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
    if (w.length() > 3 && w.endsWith("s")) return w.substring(0, w.length() - 1);
    return w;
  }

  private static boolean containsAny(String header, List<String> keywords) {
    for (String k : keywords) if (header.contains(k)) return true;
    return false;
  }
}
