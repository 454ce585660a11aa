package faqbot.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of the web face, read once from the classpath under a fixed name and served from memory:
 * no route reads a file named by the request. Answers {@code If-None-Match} with 304.
 */
final class Asset {
  /** The widget: cached briefly, so a new version reaches every embedding page within minutes. */
  static final String WIDGET = "/public/widget.js";

  /** The stylesheet of the FAQ's own pages. */
  static final String FAQ_STYLES = "/public/faq.css";

  /** The demo page. */
  static final String DEMO_PAGE = "/public/index.html";

  private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

  private final byte[] bytes;
  private final String etag;
  private final Map<String, String> headers;

  private Asset(byte[] bytes, Map<String, String> headers) {
    this.bytes = bytes;
    this.etag = "\"" + base64(sha256(bytes)).substring(0, 22) + "\"";
    this.headers = Map.copyOf(headers);
  }

  /**
   * {@code /widget.js}: a script any page may load with a script tag, whatever its embedder policy.
   */
  static Asset widget() {
    return of(
        WIDGET,
        "application/javascript; charset=utf-8",
        "public, max-age=300",
        Map.of("Cross-Origin-Resource-Policy", "cross-origin"));
  }

  /** The editors' page and its script. */
  static final String ADMIN_PAGE = "/public/admin.html";

  static final String ADMIN_SCRIPT = "/public/admin.js";

  /**
   * {@code /admin}: the editors' page, which may run only this server's script and call only this
   * server.
   */
  static Asset adminPage() {
    return of(
        ADMIN_PAGE,
        "text/html; charset=utf-8",
        "no-cache",
        Map.of(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self';"
                + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'"));
  }

  static Asset adminScript() {
    return of(ADMIN_SCRIPT, "application/javascript; charset=utf-8", "no-cache", Map.of());
  }

  /** {@code /faq.css}: the look of the pages under {@code /faq}. */
  static Asset faqStyles() {
    return of(FAQ_STYLES, "text/css; charset=utf-8", "public, max-age=300", Map.of());
  }

  private static Asset of(
      String resource, String type, String caching, Map<String, String> moreHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", type);
    headers.put("Cache-Control", caching);
    headers.putAll(moreHeaders);
    return new Asset(read(resource), headers);
  }

  /**
   * {@code /}: the demo page, under a policy that lets it run only this server's scripts, call only
   * this server, use only its own inline styles (by hash) and be framed by no one.
   */
  static Asset demoPage() {
    byte[] page = read(DEMO_PAGE);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/html; charset=utf-8");
    headers.put("Cache-Control", "no-cache");
    headers.put("Content-Security-Policy", demoPolicy(new String(page, StandardCharsets.UTF_8)));
    return new Asset(page, headers);
  }

  static String demoPolicy(String html) {
    List<String> styles = new ArrayList<>();
    Matcher m = STYLE.matcher(html);
    while (m.find()) {
      styles.add("'sha256-" + base64(sha256(m.group(1).getBytes(StandardCharsets.UTF_8))) + "'");
    }
    return "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self'; style-src "
        + (styles.isEmpty() ? "'none'" : String.join(" ", styles))
        + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  void handle(Context ctx) {
    headers.forEach(ctx::header);
    ctx.header("ETag", etag);
    String match = ctx.header("If-None-Match");
    if (match != null && (match.contains(etag) || match.strip().equals("*"))) {
      ctx.status(304);
      return;
    }
    ctx.result(bytes);
  }

  int size() {
    return bytes.length;
  }

  private static byte[] read(String resource) {
    try (InputStream in = Asset.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the web face is missing from the build: no " + resource + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " from the classpath", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
