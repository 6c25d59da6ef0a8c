<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition as data, for those who take it away rather than read it: the download page (data.html), the records'
  metadata as JSON (records.json), and the sitemap (sitemap.xml, where the edition's address is known: a sitemap's
  addresses are absolute). The package of the whole edition (edition-data.zip: every TEI file, the plain texts,
  records.json and a README with the licence) is made by Python after this run (publish/package.py), and so is the
  DTS API the data page offers when the build is asked for it (publish/dts.py, from records.json). Imported by
  html.xsl, whose ed:page writes the page.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:x-edition"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- The site's record of the versions it was built as (publish/versions.py), when the edition has a version. -->
  <xsl:param name="versions" as="xs:string?"/>

  <!-- changes.html: for each version, the records added, changed and removed since the version before. -->
  <xsl:template name="ed:changes">
    <xsl:variable name="history" select="json-doc($versions)?versions?*" as="map(*)*"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="href" select="'changes.html'"/>
      <xsl:with-param name="page-title" select="'Changes | ' || $title"/>
      <xsl:with-param name="content">
        <h1>What changed in each version</h1>
        <p>Each build of the site records every record's content under the edition's version; a record counts as
          changed when its TEI file is not the same. A citation of an earlier version can be checked here.</p>
        <xsl:for-each select="reverse(1 to count($history))">
          <xsl:variable name="now" select="$history[current()]"/>
          <xsl:variable name="before" select="if (. gt 1) then $history[current() - 1] else ()"/>
          <section class="version">
            <h2>Version <xsl:value-of select="$now?version"/><xsl:if test="$now?date != ''">, <xsl:value-of
                select="ed:in-words($now?date)"/></xsl:if></h2>
            <xsl:choose>
              <xsl:when test="empty($before)">
                <p>The first version this site records: <xsl:value-of select="count(map:keys($now?records))"/>
                  records.</p>
              </xsl:when>
              <xsl:otherwise>
                <xsl:variable name="added" select="sort(map:keys($now?records)[not(map:contains($before?records, .))])"/>
                <xsl:variable name="removed" select="sort(map:keys($before?records)[not(map:contains($now?records, .))])"/>
                <xsl:variable name="changed" select="sort(map:keys($now?records)[map:contains($before?records, .)]
                    [$now?records(.) != $before?records(.)])"/>
                <xsl:for-each select="('added', 'changed', 'removed')">
                  <xsl:variable name="which" select="if (. = 'added') then $added else if (. = 'changed') then
                      $changed else $removed"/>
                  <p><xsl:value-of select="upper-case(substring(., 1, 1)) || substring(., 2) || ' since version '
                      || $before?version || ': '"/>
                    <xsl:choose>
                      <xsl:when test="empty($which)">none</xsl:when>
                      <xsl:otherwise>
                        <xsl:for-each select="$which">
                          <xsl:variable name="record" select="ed:digest-of(.)"/>
                          <xsl:choose>
                            <xsl:when test="$record"><a href="records/{.}.html"><xsl:value-of
                                select="$record/@title"/></a></xsl:when>
                            <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
                          </xsl:choose>
                          <xsl:if test="position() != last()">; </xsl:if>
                        </xsl:for-each>
                      </xsl:otherwise>
                    </xsl:choose>.</p>
                </xsl:for-each>
              </xsl:otherwise>
            </xsl:choose>
          </section>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ed:data">
    <xsl:if test="$versions"><xsl:call-template name="ed:changes"/></xsl:if>
    <xsl:result-document href="records.json" method="json" indent="yes">
      <xsl:sequence select="map{'edition': map:merge((map{'title': $title, 'url': ed:site-url('index.html')},
              $ed:version ! map{'version': .}, $ed:edition-date ! map{'date': .}, $ed:licence-url ! map{'licence': .})),
          'records': array{ $digests ! ed:record-json(.) }}"/>
    </xsl:result-document>
    <xsl:if test="$base-url">
      <xsl:result-document href="sitemap.xml" method="xml" indent="yes">
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <xsl:for-each select="('index.html', $ed:table-pages ! ?href, ed:register-pages(), 'principles.html', 'colophon.html', 'search.html',
              'data.html', ('changes.html')[$versions], $digests ! ('records/' || @id || '.html'), $digests/ed:part ! ed:part-page(.))">
            <url><loc><xsl:value-of select="ed:site-url(.)"/></loc></url>
          </xsl:for-each>
        </urlset>
      </xsl:result-document>
    </xsl:if>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="href" select="'data.html'"/>
      <xsl:with-param name="page-title" select="'Download | ' || $title"/>
      <xsl:with-param name="content">
        <h1>Download and reuse</h1>
        <p>The whole edition in one package: <a href="edition-data.zip" download="">edition-data.zip</a> (every TEI
          file, each record's plain text, the records' metadata as JSON, and a README with the licence).</p>
        <ul class="downloads">
          <li><a href="records.json">records.json</a>: each record's id, title, date, kind, translators, and the
            addresses of its page (and of its documents' pages), TEI and plain text.</li>
          <xsl:if test="$print"><li><a href="edition.pdf">edition.pdf</a>: the print edition.</li></xsl:if>
          <xsl:if test="$base-url"><li><a href="sitemap.xml">sitemap.xml</a>: every page of the site.</li></xsl:if>
          <xsl:if test="$dts"><li><a href="dts/index.json">dts/index.json</a>: the entry point of the edition's
            <abbr title="Distributed Text Services">DTS</abbr> API (version 1.0, Level 0): its records, each
            record's divisions and turns, and the TEI of each, for DTS clients.</li></xsl:if>
          <xsl:if test="$versions"><li><a href="versions.json">versions.json</a>: each version's records and their
            content hashes; <a href="changes.html">what changed</a> in each.</li></xsl:if>
        </ul>
        <xsl:for-each select="$ed:licence-url">
          <p class="licence">Licence: <a rel="license" href="{.}"><xsl:value-of select="."/></a>; see the <a
              href="colophon.html">colophon</a> for each text's terms.</p>
        </xsl:for-each>
        <xsl:choose>
          <xsl:when test="empty($ed:table-pages)">
            <table class="data">
              <caption>Each record</caption>
              <thead><tr><th scope="col">Record</th><th scope="col">TEI</th><th scope="col">Plain text</th>
                <xsl:if test="$record-pdfs"><th scope="col">PDF</th></xsl:if></tr></thead>
              <tbody>
                <xsl:for-each select="$digests">
                  <tr>
                    <td><a href="records/{@id}.html"><xsl:value-of select="@title"/></a></td>
                    <td><a href="records/{@id}.xml" download=""><xsl:value-of select="@id"/>.xml</a></td>
                    <td><a href="records/{@id}.txt" download=""><xsl:value-of select="@id"/>.txt</a></td>
                    <xsl:if test="$record-pdfs"><td><a href="print/{@id}.pdf"><xsl:value-of select="@id"/>.pdf</a></td></xsl:if>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </xsl:when>
          <xsl:otherwise>
            <!-- a table too large for one page (html.xsl, ed:table-pages): each record's files are offered on its page -->
            <p class="each-record">Each record's TEI and plain text (<code>records/ID.xml</code>,
              <code>records/ID.txt</code>) are offered for download on its page, which the <a
              href="index.html#chronology">table of records</a> lists by year; <code>records.json</code> gives the
              addresses of all <xsl:value-of select="ed:records(count($digests))"/>.</p>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:function name="ed:record-json" as="map(*)">
    <xsl:param name="record" as="element(ed:record)"/>
    <xsl:sequence select="map:merge((
        map{'id': string($record/@id), 'title': string($record/@title), 'date': string($record/@when),
            'kind': string($record/@kind), 'translators': array{ $record/ed:translator ! string() },
            'page': ed:site-url('records/' || $record/@id || '.html'),
            'tei': ed:site-url('records/' || $record/@id || '.xml'),
            'text': ed:site-url('records/' || $record/@id || '.txt')},
        (substring($record/@start, 1, 10)[. != '9999']) ! map{'start': .},
        $record[$record-pdfs] ! map{'pdf': ed:site-url('print/' || @id || '.pdf')},
        $record[ed:part] ! map{'parts': array{ ed:part ! ed:site-url(ed:part-page(.)) }}))"/>
  </xsl:function>

  <!-- The page of a part of a record published in parts (a volume's document), from the site's top. -->
  <xsl:function name="ed:part-page" as="xs:string">
    <xsl:param name="part" as="element(ed:part)"/>
    <xsl:sequence select="'records/' || $part/../@id || '/' || $part/@id || '.html'"/>
  </xsl:function>

</xsl:stylesheet>
