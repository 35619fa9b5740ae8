package io.marketlens.core.privacy;

import java.util.regex.Pattern;

/** The shape of an e-mail address, as a whole value and inside free text. */
final class Emails {

  private static final String DOMAIN = "@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";

  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._%+'-]+" + DOMAIN);

  /** An address inside text; the local part stops at characters an address cannot start with. */
  static final Pattern IN_TEXT =
      Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+" + DOMAIN + "(?![A-Za-z0-9])");

  private Emails() {}

  static boolean isEmail(String value) {
    return VALUE.matcher(value.strip()).matches();
  }
}
