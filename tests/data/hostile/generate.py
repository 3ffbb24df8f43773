#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes the small hostile-input files of tests/data/hostile/ (run from anywhere; the output is committed).
# The big cases (100 MB values, 10^5-deep nesting, gzip bombs, growing files, symlink loops, unreadable
# files) are made at test time by tests/core/tst_hostile.cpp into a temporary folder.
import gzip
import io
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def rec(i, extra="", status='{"errorCode":53003}'):
    return ('{"id":"h-%d","createdDateTime":"2026-10-01T00:00:%02dZ","userPrincipalName":"u%d@contoso.com",'
            '"status":%s%s}' % (i, i % 60, i, status, extra))


def page(*records):
    return '{"@odata.context":"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns","value":[' + \
        ",".join(records) + "]}"


def good3():
    return page(rec(1), rec(2), rec(3))


def gz(data, mtime=0):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=mtime) as f:
        f.write(data)
    return buf.getvalue()


CSV_HEAD = '"Date (UTC)","Request ID","User","Username","Application","Status","Sign-in error code",' \
           '"Failure reason","Conditional Access"'


def csv_row(i, code=53003, date="2026-10-01T08:00:%02dZ"):
    d = date % i if "%" in date else date
    return '"%s","r%d","U%d","u%d@contoso.com","Power BI Service","Failure","%d","Blocked","failure"' % (
        d, i, i, i, code)


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    g = good3().encode()
    # gzip
    z = gz(g)
    write("gzip-header-only.json.gz", z[:10])
    write("gzip-cut-in-header.json.gz", z[:5])
    write("gzip-bad-crc.json.gz", z[:-8] + bytes(b ^ 0xFF for b in z[-8:-4]) + z[-4:])
    write("gzip-bad-length.json.gz", z[:-4] + b"\x00\x00\x00\x00")
    write("gzip-trailing-garbage.json.gz", z + b"this is not gzip")
    write("gzip-two-members.json.gz", gz(page(rec(1), rec(2)).encode()[:-2]) + gz(b"," + rec(3).encode() + b"]}"))
    write("gzip-empty-member.json.gz", gz(b""))
    write("gzip-in-gzip.json.gz", gz(z))
    write("gzip-flipped-deflate.json.gz", z[:30] + bytes([z[30] ^ 0x55]) + z[31:])
    # NUL bytes
    write("nul-in-string.json", page(rec(1), rec(2, ',"userAgent":"a\x00b"'), rec(3)))
    write("nul-between-records.json", page(rec(1), rec(2)).replace('},{', '},\x00{') )
    write("nul-line.jsonl", "\n".join([rec(1), "\x00\x00\x00", rec(2), rec(3)]) + "\n")
    write("nul-in-csv.csv", "\n".join([CSV_HEAD, csv_row(1), csv_row(2).replace("U2", "U\x002"), csv_row(3)]) + "\n")
    # encodings
    write("utf16le-bom.json", b"\xff\xfe" + good3().encode("utf-16-le"))
    write("utf16be-bom.json", b"\xfe\xff" + good3().encode("utf-16-be"))
    write("utf16le-nobom.json", good3().encode("utf-16-le"))
    write("utf16be-nobom.json", good3().encode("utf-16-be"))
    write("utf16le-bom.csv", b"\xff\xfe" + ("\r\n".join([CSV_HEAD, csv_row(1), csv_row(2)]) + "\r\n").encode("utf-16-le"))
    write("utf16le-odd-length.json", b"\xff\xfe" + good3().encode("utf-16-le") + b"\x20")
    write("utf16le-lone-surrogate.json",
          b"\xff\xfe" + page(rec(1), rec(2, ',"userAgent":"X"')).encode("utf-16-le").replace(
              "X".encode("utf-16-le"), b"\x00\xd8"))
    write("latin1.json", page(rec(1), rec(2, ',"userDisplayName":"Ren\xe9e"')).encode("latin-1"))
    write("latin1.csv", ("\n".join([CSV_HEAD, csv_row(1).replace("U1", "J\xfcrgen"), csv_row(2)]) + "\n").encode("latin-1"))
    write("utf8-bom.json", b"\xef\xbb\xbf" + g)
    write("invalid-utf8.json", page(rec(1), rec(2, ',"userAgent":"\xc3\x28\xff"')).encode("latin-1"))
    # line endings
    write("mixed-eol.csv", CSV_HEAD + "\r\n" + csv_row(1) + "\n" + csv_row(2) + "\r" + csv_row(3) + "\r\n")
    write("mixed-eol.jsonl", rec(1) + "\r\n" + rec(2) + "\n" + rec(3) + "\r\n\r\n")
    write("cr-only.csv", "\r".join([CSV_HEAD, csv_row(1), csv_row(2)]) + "\r")
    # CSV quote bombs
    write("csv-quote-bomb.csv", CSV_HEAD + "\n" + csv_row(1) + '\n"' + '""' * 200000 + '",r2\n' + csv_row(3) + "\n")
    write("csv-quote-in-bare-field.csv", "\n".join([CSV_HEAD, csv_row(1), csv_row(2).replace('"U2"', 'U"2'), csv_row(3)]) + "\n")
    write("csv-many-fields.csv", "\n".join([CSV_HEAD, csv_row(1), "," * 200000, csv_row(3)]) + "\n")
    write("csv-only-header.csv", CSV_HEAD + "\n")
    # keys
    write("duplicate-keys.json", page(rec(1, ',"id":"h-1b"'), rec(2), rec(3)))
    write("case-colliding-keys.json", page(rec(1, ',"ID":"H-X","Status":{"errorCode":50126},"ErrorCode":1'), rec(2), rec(3)))
    write("duplicate-ids.json", page(rec(1), rec(1), rec(2)))
    write("csv-duplicate-columns.csv", CSV_HEAD + ',"Request ID"\n' + csv_row(1) + ',"other"\n' + csv_row(2) + ',"x"\n')
    # wrong types
    write("wrong-type-id-number.json", page(rec(1), '{"id":12345,"createdDateTime":"2026-10-01T00:00:00Z"}', rec(3)))
    write("wrong-type-errorcode-string.json", page(rec(1), rec(2, status='{"errorCode":"53003"}'), rec(3)))
    write("wrong-type-status-array.json", page(rec(1), rec(2, status='[53003]'), rec(3)))
    write("wrong-type-policies-object.json", page(rec(1), rec(2, ',"appliedConditionalAccessPolicies":{"id":"p"}'), rec(3)))
    write("wrong-type-policies-strings.json", page(rec(1), rec(2, ',"appliedConditionalAccessPolicies":["a",1,null,true]'), rec(3)))
    write("wrong-type-date-number.json", page(rec(1), '{"id":"h-2","createdDateTime":1790000000,"status":{"errorCode":0}}', rec(3)))
    write("wrong-type-all-null.json", page(rec(1), '{"id":"h-2","createdDateTime":null,"status":null,"userPrincipalName":null,'
          '"deviceDetail":null,"location":null,"appliedConditionalAccessPolicies":null,"conditionalAccessStatus":null}', rec(3)))
    write("wrong-type-value-object.json", '{"value":' + rec(1) + '}')
    write("wrong-type-objects-as-strings.json", page(rec(1), rec(2, ',"userPrincipalName":{"a":1},"deviceDetail":"x",'
          '"location":[1,2],"ipAddress":7,"isInteractive":"yes","conditionalAccessStatus":5'), rec(3)))
    write("wrong-type-top-level-string.json", '"just a string"')
    # numbers out of range
    write("errorcode-1e300.json", page(rec(1), rec(2, status='{"errorCode":1e300}'), rec(3)))
    write("errorcode-negative.json", page(rec(1), rec(2, status='{"errorCode":-1}'), rec(3)))
    write("errorcode-2pow63.json", page(rec(1), rec(2, status='{"errorCode":9223372036854775808}'),
                                        rec(3, status='{"errorCode":18446744073709551616}')))
    write("errorcode-int32-overflow.json", page(rec(1), rec(2, status='{"errorCode":4294967299}'), rec(3)))
    write("errorcode-fraction.json", page(rec(1), rec(2, status='{"errorCode":53003.5}'), rec(3)))
    write("errorcode-csv-huge.csv", "\n".join([CSV_HEAD, csv_row(1), csv_row(2).replace('"53003"', '"99999999999999999999999"'), csv_row(3)]) + "\n")
    # dates
    write("date-year0.json", page(rec(1), '{"id":"h-2","createdDateTime":"0000-01-01T00:00:00Z","status":{"errorCode":0}}', rec(3)))
    write("date-year9999.json", page(rec(1), '{"id":"h-2","createdDateTime":"9999-12-31T23:59:59.9999999Z","status":{"errorCode":0}}', rec(3)))
    write("date-garbage.json", page(rec(1), '{"id":"h-2","createdDateTime":"2026-13-45T99:99:99Z","status":{"errorCode":0}}',
                                    '{"id":"h-3","createdDateTime":"yesterday","status":{"errorCode":0}}',
                                    '{"id":"h-4","createdDateTime":"","status":{"errorCode":0}}', rec(5)))
    write("date-garbage.csv", "\n".join([CSV_HEAD, csv_row(1), csv_row(2, date="0000-00-00T00:00:00Z"),
                                         csv_row(3, date="99999-99-99"), csv_row(4)]) + "\n")
    write("date-ps-huge.json", '[{"Id":"ps-1","CreatedDateTime":"/Date(99999999999999999999)/","Status":{"ErrorCode":53003}},'
          '{"Id":"ps-2","CreatedDateTime":"/Date(-62135596800000)/","Status":{"ErrorCode":0}}]')
    # 200 MB of blank space between two records, compressed to ~200 KB: memory must stay flat.
    write("gzip-bomb.json.gz", gzip.compress(("[" + rec(1) + "," + " " * (200 << 20) + rec(2) + "]").encode(), 9, mtime=0))


if __name__ == "__main__":
    main()
