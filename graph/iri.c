/* SPDX-License-Identifier: MIT */
/* IRI minting: entity slugs, content-hash IRIs for statements and events,
 * and percent-encoding of IRIs taken from input. Knows RFC 3987 and the
 * Turtle IRIREF rule, not the vocabulary. */
#include "iri.h"

#include "hash.h"
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Code points that fold to ASCII letters or digits, generated once from
 * Unicode NFKD (combining marks removed, lower-cased) over Latin-1,
 * Latin Extended-A/B, Latin Extended Additional (Vietnamese), super- and
 * subscripts, number forms, enclosed alphanumerics, the Latin ligatures and
 * fullwidth forms, plus the letters NFKD leaves alone (ß→ss, ø→o, æ→ae,
 * đ→d, ł→l, þ→th, œ→oe, ı→i). Sorted by code point for bsearch. */
static const struct fold {
  uint32_t cp;       /* the code point */
  const char *ascii; /* its lower-case ASCII folding */
} folds[] = {
  {0x00AA, "a"}, {0x00B2, "2"}, {0x00B3, "3"}, {0x00B9, "1"}, {0x00BA, "o"},
  {0x00C0, "a"}, {0x00C1, "a"}, {0x00C2, "a"}, {0x00C3, "a"}, {0x00C4, "a"},
  {0x00C5, "a"}, {0x00C6, "ae"}, {0x00C7, "c"}, {0x00C8, "e"}, {0x00C9, "e"},
  {0x00CA, "e"}, {0x00CB, "e"}, {0x00CC, "i"}, {0x00CD, "i"}, {0x00CE, "i"},
  {0x00CF, "i"}, {0x00D0, "d"}, {0x00D1, "n"}, {0x00D2, "o"}, {0x00D3, "o"},
  {0x00D4, "o"}, {0x00D5, "o"}, {0x00D6, "o"}, {0x00D8, "o"}, {0x00D9, "u"},
  {0x00DA, "u"}, {0x00DB, "u"}, {0x00DC, "u"}, {0x00DD, "y"}, {0x00DE, "th"},
  {0x00DF, "ss"}, {0x00E0, "a"}, {0x00E1, "a"}, {0x00E2, "a"}, {0x00E3, "a"},
  {0x00E4, "a"}, {0x00E5, "a"}, {0x00E6, "ae"}, {0x00E7, "c"}, {0x00E8, "e"},
  {0x00E9, "e"}, {0x00EA, "e"}, {0x00EB, "e"}, {0x00EC, "i"}, {0x00ED, "i"},
  {0x00EE, "i"}, {0x00EF, "i"}, {0x00F0, "d"}, {0x00F1, "n"}, {0x00F2, "o"},
  {0x00F3, "o"}, {0x00F4, "o"}, {0x00F5, "o"}, {0x00F6, "o"}, {0x00F8, "o"},
  {0x00F9, "u"}, {0x00FA, "u"}, {0x00FB, "u"}, {0x00FC, "u"}, {0x00FD, "y"},
  {0x00FE, "th"}, {0x00FF, "y"}, {0x0100, "a"}, {0x0101, "a"}, {0x0102, "a"},
  {0x0103, "a"}, {0x0104, "a"}, {0x0105, "a"}, {0x0106, "c"}, {0x0107, "c"},
  {0x0108, "c"}, {0x0109, "c"}, {0x010A, "c"}, {0x010B, "c"}, {0x010C, "c"},
  {0x010D, "c"}, {0x010E, "d"}, {0x010F, "d"}, {0x0110, "d"}, {0x0111, "d"},
  {0x0112, "e"}, {0x0113, "e"}, {0x0114, "e"}, {0x0115, "e"}, {0x0116, "e"},
  {0x0117, "e"}, {0x0118, "e"}, {0x0119, "e"}, {0x011A, "e"}, {0x011B, "e"},
  {0x011C, "g"}, {0x011D, "g"}, {0x011E, "g"}, {0x011F, "g"}, {0x0120, "g"},
  {0x0121, "g"}, {0x0122, "g"}, {0x0123, "g"}, {0x0124, "h"}, {0x0125, "h"},
  {0x0126, "h"}, {0x0127, "h"}, {0x0128, "i"}, {0x0129, "i"}, {0x012A, "i"},
  {0x012B, "i"}, {0x012C, "i"}, {0x012D, "i"}, {0x012E, "i"}, {0x012F, "i"},
  {0x0130, "i"}, {0x0131, "i"}, {0x0132, "ij"}, {0x0133, "ij"}, {0x0134, "j"},
  {0x0135, "j"}, {0x0136, "k"}, {0x0137, "k"}, {0x0138, "k"}, {0x0139, "l"},
  {0x013A, "l"}, {0x013B, "l"}, {0x013C, "l"}, {0x013D, "l"}, {0x013E, "l"},
  {0x0141, "l"}, {0x0142, "l"}, {0x0143, "n"}, {0x0144, "n"}, {0x0145, "n"},
  {0x0146, "n"}, {0x0147, "n"}, {0x0148, "n"}, {0x014A, "ng"}, {0x014B, "ng"},
  {0x014C, "o"}, {0x014D, "o"}, {0x014E, "o"}, {0x014F, "o"}, {0x0150, "o"},
  {0x0151, "o"}, {0x0152, "oe"}, {0x0153, "oe"}, {0x0154, "r"}, {0x0155, "r"},
  {0x0156, "r"}, {0x0157, "r"}, {0x0158, "r"}, {0x0159, "r"}, {0x015A, "s"},
  {0x015B, "s"}, {0x015C, "s"}, {0x015D, "s"}, {0x015E, "s"}, {0x015F, "s"},
  {0x0160, "s"}, {0x0161, "s"}, {0x0162, "t"}, {0x0163, "t"}, {0x0164, "t"},
  {0x0165, "t"}, {0x0166, "t"}, {0x0167, "t"}, {0x0168, "u"}, {0x0169, "u"},
  {0x016A, "u"}, {0x016B, "u"}, {0x016C, "u"}, {0x016D, "u"}, {0x016E, "u"},
  {0x016F, "u"}, {0x0170, "u"}, {0x0171, "u"}, {0x0172, "u"}, {0x0173, "u"},
  {0x0174, "w"}, {0x0175, "w"}, {0x0176, "y"}, {0x0177, "y"}, {0x0178, "y"},
  {0x0179, "z"}, {0x017A, "z"}, {0x017B, "z"}, {0x017C, "z"}, {0x017D, "z"},
  {0x017E, "z"}, {0x017F, "s"}, {0x0180, "b"}, {0x0181, "b"}, {0x0184, "6"},
  {0x0185, "6"}, {0x0186, "o"}, {0x0187, "c"}, {0x0188, "c"}, {0x018A, "d"},
  {0x018B, "d"}, {0x018C, "d"}, {0x018E, "e"}, {0x018F, "e"}, {0x0190, "e"},
  {0x0191, "f"}, {0x0192, "f"}, {0x0193, "g"}, {0x0194, "g"}, {0x0195, "hv"},
  {0x0196, "i"}, {0x0197, "i"}, {0x0198, "k"}, {0x0199, "k"}, {0x019A, "l"},
  {0x019D, "n"}, {0x019E, "n"}, {0x019F, "o"}, {0x01A0, "o"}, {0x01A1, "o"},
  {0x01A2, "oi"}, {0x01A3, "oi"}, {0x01A4, "p"}, {0x01A5, "p"}, {0x01A6, "r"},
  {0x01A7, "s"}, {0x01A8, "s"}, {0x01A9, "sh"}, {0x01AC, "t"}, {0x01AD, "t"},
  {0x01AE, "t"}, {0x01AF, "u"}, {0x01B0, "u"}, {0x01B1, "u"}, {0x01B2, "v"},
  {0x01B3, "y"}, {0x01B4, "y"}, {0x01B5, "z"}, {0x01B6, "z"}, {0x01B7, "zh"},
  {0x01B8, "zh"}, {0x01B9, "zh"}, {0x01BC, "5"}, {0x01BD, "5"}, {0x01BF, "w"},
  {0x01C4, "dz"}, {0x01C5, "dz"}, {0x01C6, "dz"}, {0x01C7, "lj"},
  {0x01C8, "lj"}, {0x01C9, "lj"}, {0x01CA, "nj"}, {0x01CB, "nj"},
  {0x01CC, "nj"}, {0x01CD, "a"}, {0x01CE, "a"}, {0x01CF, "i"}, {0x01D0, "i"},
  {0x01D1, "o"}, {0x01D2, "o"}, {0x01D3, "u"}, {0x01D4, "u"}, {0x01D5, "u"},
  {0x01D6, "u"}, {0x01D7, "u"}, {0x01D8, "u"}, {0x01D9, "u"}, {0x01DA, "u"},
  {0x01DB, "u"}, {0x01DC, "u"}, {0x01DD, "e"}, {0x01DE, "a"}, {0x01DF, "a"},
  {0x01E0, "a"}, {0x01E1, "a"}, {0x01E2, "ae"}, {0x01E3, "ae"}, {0x01E4, "g"},
  {0x01E5, "g"}, {0x01E6, "g"}, {0x01E7, "g"}, {0x01E8, "k"}, {0x01E9, "k"},
  {0x01EA, "o"}, {0x01EB, "o"}, {0x01EC, "o"}, {0x01ED, "o"}, {0x01EE, "zh"},
  {0x01EF, "zh"}, {0x01F0, "j"}, {0x01F1, "dz"}, {0x01F2, "dz"},
  {0x01F3, "dz"}, {0x01F4, "g"}, {0x01F5, "g"}, {0x01F6, "hv"}, {0x01F7, "w"},
  {0x01F8, "n"}, {0x01F9, "n"}, {0x01FA, "a"}, {0x01FB, "a"}, {0x01FC, "ae"},
  {0x01FD, "ae"}, {0x01FE, "o"}, {0x01FF, "o"}, {0x0200, "a"}, {0x0201, "a"},
  {0x0202, "a"}, {0x0203, "a"}, {0x0204, "e"}, {0x0205, "e"}, {0x0206, "e"},
  {0x0207, "e"}, {0x0208, "i"}, {0x0209, "i"}, {0x020A, "i"}, {0x020B, "i"},
  {0x020C, "o"}, {0x020D, "o"}, {0x020E, "o"}, {0x020F, "o"}, {0x0210, "r"},
  {0x0211, "r"}, {0x0212, "r"}, {0x0213, "r"}, {0x0214, "u"}, {0x0215, "u"},
  {0x0216, "u"}, {0x0217, "u"}, {0x0218, "s"}, {0x0219, "s"}, {0x021A, "t"},
  {0x021B, "t"}, {0x021C, "y"}, {0x021D, "y"}, {0x021E, "h"}, {0x021F, "h"},
  {0x0220, "n"}, {0x0221, "d"}, {0x0224, "z"}, {0x0225, "z"}, {0x0226, "a"},
  {0x0227, "a"}, {0x0228, "e"}, {0x0229, "e"}, {0x022A, "o"}, {0x022B, "o"},
  {0x022C, "o"}, {0x022D, "o"}, {0x022E, "o"}, {0x022F, "o"}, {0x0230, "o"},
  {0x0231, "o"}, {0x0232, "y"}, {0x0233, "y"}, {0x0234, "l"}, {0x0235, "n"},
  {0x0236, "t"}, {0x0237, "j"}, {0x0238, "db"}, {0x0239, "qp"}, {0x023A, "a"},
  {0x023B, "c"}, {0x023C, "c"}, {0x023D, "l"}, {0x023E, "t"}, {0x0243, "b"},
  {0x0244, "u"}, {0x0245, "v"}, {0x0246, "e"}, {0x0247, "e"}, {0x0248, "j"},
  {0x0249, "j"}, {0x024C, "r"}, {0x024D, "r"}, {0x024E, "y"}, {0x024F, "y"},
  {0x1E00, "a"}, {0x1E01, "a"}, {0x1E02, "b"}, {0x1E03, "b"}, {0x1E04, "b"},
  {0x1E05, "b"}, {0x1E06, "b"}, {0x1E07, "b"}, {0x1E08, "c"}, {0x1E09, "c"},
  {0x1E0A, "d"}, {0x1E0B, "d"}, {0x1E0C, "d"}, {0x1E0D, "d"}, {0x1E0E, "d"},
  {0x1E0F, "d"}, {0x1E10, "d"}, {0x1E11, "d"}, {0x1E12, "d"}, {0x1E13, "d"},
  {0x1E14, "e"}, {0x1E15, "e"}, {0x1E16, "e"}, {0x1E17, "e"}, {0x1E18, "e"},
  {0x1E19, "e"}, {0x1E1A, "e"}, {0x1E1B, "e"}, {0x1E1C, "e"}, {0x1E1D, "e"},
  {0x1E1E, "f"}, {0x1E1F, "f"}, {0x1E20, "g"}, {0x1E21, "g"}, {0x1E22, "h"},
  {0x1E23, "h"}, {0x1E24, "h"}, {0x1E25, "h"}, {0x1E26, "h"}, {0x1E27, "h"},
  {0x1E28, "h"}, {0x1E29, "h"}, {0x1E2A, "h"}, {0x1E2B, "h"}, {0x1E2C, "i"},
  {0x1E2D, "i"}, {0x1E2E, "i"}, {0x1E2F, "i"}, {0x1E30, "k"}, {0x1E31, "k"},
  {0x1E32, "k"}, {0x1E33, "k"}, {0x1E34, "k"}, {0x1E35, "k"}, {0x1E36, "l"},
  {0x1E37, "l"}, {0x1E38, "l"}, {0x1E39, "l"}, {0x1E3A, "l"}, {0x1E3B, "l"},
  {0x1E3C, "l"}, {0x1E3D, "l"}, {0x1E3E, "m"}, {0x1E3F, "m"}, {0x1E40, "m"},
  {0x1E41, "m"}, {0x1E42, "m"}, {0x1E43, "m"}, {0x1E44, "n"}, {0x1E45, "n"},
  {0x1E46, "n"}, {0x1E47, "n"}, {0x1E48, "n"}, {0x1E49, "n"}, {0x1E4A, "n"},
  {0x1E4B, "n"}, {0x1E4C, "o"}, {0x1E4D, "o"}, {0x1E4E, "o"}, {0x1E4F, "o"},
  {0x1E50, "o"}, {0x1E51, "o"}, {0x1E52, "o"}, {0x1E53, "o"}, {0x1E54, "p"},
  {0x1E55, "p"}, {0x1E56, "p"}, {0x1E57, "p"}, {0x1E58, "r"}, {0x1E59, "r"},
  {0x1E5A, "r"}, {0x1E5B, "r"}, {0x1E5C, "r"}, {0x1E5D, "r"}, {0x1E5E, "r"},
  {0x1E5F, "r"}, {0x1E60, "s"}, {0x1E61, "s"}, {0x1E62, "s"}, {0x1E63, "s"},
  {0x1E64, "s"}, {0x1E65, "s"}, {0x1E66, "s"}, {0x1E67, "s"}, {0x1E68, "s"},
  {0x1E69, "s"}, {0x1E6A, "t"}, {0x1E6B, "t"}, {0x1E6C, "t"}, {0x1E6D, "t"},
  {0x1E6E, "t"}, {0x1E6F, "t"}, {0x1E70, "t"}, {0x1E71, "t"}, {0x1E72, "u"},
  {0x1E73, "u"}, {0x1E74, "u"}, {0x1E75, "u"}, {0x1E76, "u"}, {0x1E77, "u"},
  {0x1E78, "u"}, {0x1E79, "u"}, {0x1E7A, "u"}, {0x1E7B, "u"}, {0x1E7C, "v"},
  {0x1E7D, "v"}, {0x1E7E, "v"}, {0x1E7F, "v"}, {0x1E80, "w"}, {0x1E81, "w"},
  {0x1E82, "w"}, {0x1E83, "w"}, {0x1E84, "w"}, {0x1E85, "w"}, {0x1E86, "w"},
  {0x1E87, "w"}, {0x1E88, "w"}, {0x1E89, "w"}, {0x1E8A, "x"}, {0x1E8B, "x"},
  {0x1E8C, "x"}, {0x1E8D, "x"}, {0x1E8E, "y"}, {0x1E8F, "y"}, {0x1E90, "z"},
  {0x1E91, "z"}, {0x1E92, "z"}, {0x1E93, "z"}, {0x1E94, "z"}, {0x1E95, "z"},
  {0x1E96, "h"}, {0x1E97, "t"}, {0x1E98, "w"}, {0x1E99, "y"}, {0x1E9B, "s"},
  {0x1E9C, "s"}, {0x1E9D, "s"}, {0x1E9E, "ss"}, {0x1EA0, "a"}, {0x1EA1, "a"},
  {0x1EA2, "a"}, {0x1EA3, "a"}, {0x1EA4, "a"}, {0x1EA5, "a"}, {0x1EA6, "a"},
  {0x1EA7, "a"}, {0x1EA8, "a"}, {0x1EA9, "a"}, {0x1EAA, "a"}, {0x1EAB, "a"},
  {0x1EAC, "a"}, {0x1EAD, "a"}, {0x1EAE, "a"}, {0x1EAF, "a"}, {0x1EB0, "a"},
  {0x1EB1, "a"}, {0x1EB2, "a"}, {0x1EB3, "a"}, {0x1EB4, "a"}, {0x1EB5, "a"},
  {0x1EB6, "a"}, {0x1EB7, "a"}, {0x1EB8, "e"}, {0x1EB9, "e"}, {0x1EBA, "e"},
  {0x1EBB, "e"}, {0x1EBC, "e"}, {0x1EBD, "e"}, {0x1EBE, "e"}, {0x1EBF, "e"},
  {0x1EC0, "e"}, {0x1EC1, "e"}, {0x1EC2, "e"}, {0x1EC3, "e"}, {0x1EC4, "e"},
  {0x1EC5, "e"}, {0x1EC6, "e"}, {0x1EC7, "e"}, {0x1EC8, "i"}, {0x1EC9, "i"},
  {0x1ECA, "i"}, {0x1ECB, "i"}, {0x1ECC, "o"}, {0x1ECD, "o"}, {0x1ECE, "o"},
  {0x1ECF, "o"}, {0x1ED0, "o"}, {0x1ED1, "o"}, {0x1ED2, "o"}, {0x1ED3, "o"},
  {0x1ED4, "o"}, {0x1ED5, "o"}, {0x1ED6, "o"}, {0x1ED7, "o"}, {0x1ED8, "o"},
  {0x1ED9, "o"}, {0x1EDA, "o"}, {0x1EDB, "o"}, {0x1EDC, "o"}, {0x1EDD, "o"},
  {0x1EDE, "o"}, {0x1EDF, "o"}, {0x1EE0, "o"}, {0x1EE1, "o"}, {0x1EE2, "o"},
  {0x1EE3, "o"}, {0x1EE4, "u"}, {0x1EE5, "u"}, {0x1EE6, "u"}, {0x1EE7, "u"},
  {0x1EE8, "u"}, {0x1EE9, "u"}, {0x1EEA, "u"}, {0x1EEB, "u"}, {0x1EEC, "u"},
  {0x1EED, "u"}, {0x1EEE, "u"}, {0x1EEF, "u"}, {0x1EF0, "u"}, {0x1EF1, "u"},
  {0x1EF2, "y"}, {0x1EF3, "y"}, {0x1EF4, "y"}, {0x1EF5, "y"}, {0x1EF6, "y"},
  {0x1EF7, "y"}, {0x1EF8, "y"}, {0x1EF9, "y"}, {0x1EFA, "ll"}, {0x1EFB, "ll"},
  {0x1EFC, "v"}, {0x1EFD, "v"}, {0x1EFE, "y"}, {0x1EFF, "y"}, {0x2070, "0"},
  {0x2071, "i"}, {0x2074, "4"}, {0x2075, "5"}, {0x2076, "6"}, {0x2077, "7"},
  {0x2078, "8"}, {0x2079, "9"}, {0x207F, "n"}, {0x2080, "0"}, {0x2081, "1"},
  {0x2082, "2"}, {0x2083, "3"}, {0x2084, "4"}, {0x2085, "5"}, {0x2086, "6"},
  {0x2087, "7"}, {0x2088, "8"}, {0x2089, "9"}, {0x2090, "a"}, {0x2091, "e"},
  {0x2092, "o"}, {0x2093, "x"}, {0x2094, "e"}, {0x2095, "h"}, {0x2096, "k"},
  {0x2097, "l"}, {0x2098, "m"}, {0x2099, "n"}, {0x209A, "p"}, {0x209B, "s"},
  {0x209C, "t"}, {0x2160, "i"}, {0x2161, "ii"}, {0x2162, "iii"},
  {0x2163, "iv"}, {0x2164, "v"}, {0x2165, "vi"}, {0x2166, "vii"},
  {0x2167, "viii"}, {0x2168, "ix"}, {0x2169, "x"}, {0x216A, "xi"},
  {0x216B, "xii"}, {0x216C, "l"}, {0x216D, "c"}, {0x216E, "d"}, {0x216F, "m"},
  {0x2170, "i"}, {0x2171, "ii"}, {0x2172, "iii"}, {0x2173, "iv"},
  {0x2174, "v"}, {0x2175, "vi"}, {0x2176, "vii"}, {0x2177, "viii"},
  {0x2178, "ix"}, {0x2179, "x"}, {0x217A, "xi"}, {0x217B, "xii"},
  {0x217C, "l"}, {0x217D, "c"}, {0x217E, "d"}, {0x217F, "m"}, {0x2460, "1"},
  {0x2461, "2"}, {0x2462, "3"}, {0x2463, "4"}, {0x2464, "5"}, {0x2465, "6"},
  {0x2466, "7"}, {0x2467, "8"}, {0x2468, "9"}, {0x2469, "10"}, {0x246A, "11"},
  {0x246B, "12"}, {0x246C, "13"}, {0x246D, "14"}, {0x246E, "15"},
  {0x246F, "16"}, {0x2470, "17"}, {0x2471, "18"}, {0x2472, "19"},
  {0x2473, "20"}, {0x2474, "1"}, {0x2475, "2"}, {0x2476, "3"}, {0x2477, "4"},
  {0x2478, "5"}, {0x2479, "6"}, {0x247A, "7"}, {0x247B, "8"}, {0x247C, "9"},
  {0x247D, "10"}, {0x247E, "11"}, {0x247F, "12"}, {0x2480, "13"},
  {0x2481, "14"}, {0x2482, "15"}, {0x2483, "16"}, {0x2484, "17"},
  {0x2485, "18"}, {0x2486, "19"}, {0x2487, "20"}, {0x2488, "1"},
  {0x2489, "2"}, {0x248A, "3"}, {0x248B, "4"}, {0x248C, "5"}, {0x248D, "6"},
  {0x248E, "7"}, {0x248F, "8"}, {0x2490, "9"}, {0x2491, "10"}, {0x2492, "11"},
  {0x2493, "12"}, {0x2494, "13"}, {0x2495, "14"}, {0x2496, "15"},
  {0x2497, "16"}, {0x2498, "17"}, {0x2499, "18"}, {0x249A, "19"},
  {0x249B, "20"}, {0x249C, "a"}, {0x249D, "b"}, {0x249E, "c"}, {0x249F, "d"},
  {0x24A0, "e"}, {0x24A1, "f"}, {0x24A2, "g"}, {0x24A3, "h"}, {0x24A4, "i"},
  {0x24A5, "j"}, {0x24A6, "k"}, {0x24A7, "l"}, {0x24A8, "m"}, {0x24A9, "n"},
  {0x24AA, "o"}, {0x24AB, "p"}, {0x24AC, "q"}, {0x24AD, "r"}, {0x24AE, "s"},
  {0x24AF, "t"}, {0x24B0, "u"}, {0x24B1, "v"}, {0x24B2, "w"}, {0x24B3, "x"},
  {0x24B4, "y"}, {0x24B5, "z"}, {0x24B6, "a"}, {0x24B7, "b"}, {0x24B8, "c"},
  {0x24B9, "d"}, {0x24BA, "e"}, {0x24BB, "f"}, {0x24BC, "g"}, {0x24BD, "h"},
  {0x24BE, "i"}, {0x24BF, "j"}, {0x24C0, "k"}, {0x24C1, "l"}, {0x24C2, "m"},
  {0x24C3, "n"}, {0x24C4, "o"}, {0x24C5, "p"}, {0x24C6, "q"}, {0x24C7, "r"},
  {0x24C8, "s"}, {0x24C9, "t"}, {0x24CA, "u"}, {0x24CB, "v"}, {0x24CC, "w"},
  {0x24CD, "x"}, {0x24CE, "y"}, {0x24CF, "z"}, {0x24D0, "a"}, {0x24D1, "b"},
  {0x24D2, "c"}, {0x24D3, "d"}, {0x24D4, "e"}, {0x24D5, "f"}, {0x24D6, "g"},
  {0x24D7, "h"}, {0x24D8, "i"}, {0x24D9, "j"}, {0x24DA, "k"}, {0x24DB, "l"},
  {0x24DC, "m"}, {0x24DD, "n"}, {0x24DE, "o"}, {0x24DF, "p"}, {0x24E0, "q"},
  {0x24E1, "r"}, {0x24E2, "s"}, {0x24E3, "t"}, {0x24E4, "u"}, {0x24E5, "v"},
  {0x24E6, "w"}, {0x24E7, "x"}, {0x24E8, "y"}, {0x24E9, "z"}, {0x24EA, "0"},
  {0xFB00, "ff"}, {0xFB01, "fi"}, {0xFB02, "fl"}, {0xFB03, "ffi"},
  {0xFB04, "ffl"}, {0xFB05, "st"}, {0xFB06, "st"}, {0xFF10, "0"},
  {0xFF11, "1"}, {0xFF12, "2"}, {0xFF13, "3"}, {0xFF14, "4"}, {0xFF15, "5"},
  {0xFF16, "6"}, {0xFF17, "7"}, {0xFF18, "8"}, {0xFF19, "9"}, {0xFF21, "a"},
  {0xFF22, "b"}, {0xFF23, "c"}, {0xFF24, "d"}, {0xFF25, "e"}, {0xFF26, "f"},
  {0xFF27, "g"}, {0xFF28, "h"}, {0xFF29, "i"}, {0xFF2A, "j"}, {0xFF2B, "k"},
  {0xFF2C, "l"}, {0xFF2D, "m"}, {0xFF2E, "n"}, {0xFF2F, "o"}, {0xFF30, "p"},
  {0xFF31, "q"}, {0xFF32, "r"}, {0xFF33, "s"}, {0xFF34, "t"}, {0xFF35, "u"},
  {0xFF36, "v"}, {0xFF37, "w"}, {0xFF38, "x"}, {0xFF39, "y"}, {0xFF3A, "z"},
  {0xFF41, "a"}, {0xFF42, "b"}, {0xFF43, "c"}, {0xFF44, "d"}, {0xFF45, "e"},
  {0xFF46, "f"}, {0xFF47, "g"}, {0xFF48, "h"}, {0xFF49, "i"}, {0xFF4A, "j"},
  {0xFF4B, "k"}, {0xFF4C, "l"}, {0xFF4D, "m"}, {0xFF4E, "n"}, {0xFF4F, "o"},
  {0xFF50, "p"}, {0xFF51, "q"}, {0xFF52, "r"}, {0xFF53, "s"}, {0xFF54, "t"},
  {0xFF55, "u"}, {0xFF56, "v"}, {0xFF57, "w"}, {0xFF58, "x"}, {0xFF59, "y"},
  {0xFF5A, "z"},
};

static int
fold_cmp(const void *key, const void *elem)
{
  uint32_t cp = *(const uint32_t *)key;
  const struct fold *f = elem;
  return cp < f->cp ? -1 : cp > f->cp ? 1 : 0;
}

/* True for combining marks, which compatibility decomposition separates
 * from their base letter and the slug drops (T11: "Cafe\u0301" = "Café"). */
static bool
is_combining(uint32_t cp)
{
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

void
ng__iri_slug(const char *label, char out[NG_SLUG_MAX + 1])
{
  size_t n = 0, len = strlen(label);
  bool dash = false; /* a separator is pending */
  for (size_t i = 0; i < len && n < NG_SLUG_MAX;) {
    uint32_t cp;
    size_t k = ng__utf8_decode(label + i, len - i, &cp);
    const char *ascii = NULL;
    char one[2] = {0, 0};
    if (k == 0) {
      k = 1;
      cp = 0xFFFD;
    }
    i += k;
    if (cp < 0x80) {
      if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
        one[0] = (char)cp;
        ascii = one;
      } else if (cp >= 'A' && cp <= 'Z') {
        one[0] = (char)(cp - 'A' + 'a');
        ascii = one;
      }
    } else if (is_combining(cp)) {
      continue;
    } else {
      const struct fold *f =
          bsearch(&cp, folds, ARRAY_LEN(folds), sizeof folds[0], fold_cmp);
      ascii = f ? f->ascii : NULL;
    }
    if (!ascii) {
      dash = n > 0;
      continue;
    }
    if (dash && n < NG_SLUG_MAX) {
      out[n++] = '-';
    }
    dash = false;
    for (const char *a = ascii; *a && n < NG_SLUG_MAX; a++) {
      out[n++] = *a;
    }
  }
  if (n == NG_SLUG_MAX) {
    /* Cut at a word boundary when one is in the second half. */
    char *cut = memrchr(out, '-', n);
    if (cut && (size_t)(cut - out) > NG_SLUG_MAX / 2) {
      n = (size_t)(cut - out);
    }
  }
  while (n > 0 && out[n - 1] == '-') {
    n--;
  }
  out[n] = '\0';
  if (n == 0) {
    char hex[65];
    ng__sha256_hex(label, len, hex);
    memcpy(out, "x-", 2);
    memcpy(out + 2, hex, 16);
    out[18] = '\0';
  }
}

const char *
ng__iri_type_segment(enum ng_etype type)
{
  switch (type) {
  case NG_ETYPE_PERSON: return "person";
  case NG_ETYPE_COUNTRY: return "country";
  case NG_ETYPE_CITY: return "city";
  case NG_ETYPE_PLACE: return "place";
  case NG_ETYPE_ORGANIZATION:
  case NG_ETYPE_INTL_ORG:
  case NG_ETYPE_GOV_BODY:
  case NG_ETYPE_COMPANY:
  case NG_ETYPE_NEWS_AGENCY:
  case NG_ETYPE_COUNT:
    return "organization";
  }
  return "organization";
}

/* malloc'd concatenation of up to four strings (NULLs skipped). */
static char *
concat(const char *a, const char *b, const char *c, const char *d)
{
  const char *parts[] = {a, b, c, d};
  size_t len = 0;
  for (size_t i = 0; i < ARRAY_LEN(parts); i++) {
    len += parts[i] ? strlen(parts[i]) : 0;
  }
  char *s = malloc(len + 1);
  if (!s) {
    return NULL;
  }
  size_t n = 0;
  for (size_t i = 0; i < ARRAY_LEN(parts); i++) {
    if (parts[i]) {
      size_t k = strlen(parts[i]);
      memcpy(s + n, parts[i], k);
      n += k;
    }
  }
  s[n] = '\0';
  return s;
}

ng_status
ng__iri_entity(const ng_world *world, enum ng_etype type, const char *label,
               char **out)
{
  char slug[NG_SLUG_MAX + 1];
  ng__iri_slug(label, slug);
  *out = concat(world->base, ng__iri_type_segment(type), "/", slug);
  return *out ? NG_OK : NG_ERR_NOMEM;
}

/* Characters a Turtle/N-Triples IRIREF may not contain besides controls
 * and space (RDF 1.1 Turtle, production [18]). */
static bool
is_forbidden(unsigned char c)
{
  return c <= 0x20 || c == 0x7F || strchr("<>\"{}|^`\\", c) != NULL;
}

static bool
is_hex(char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

ng_status
ng__iri_sanitize(const char *iri, char **out)
{
  static const char digits[] = "0123456789ABCDEF";
  size_t len = strlen(iri);
  char *s = malloc(3 * len + 1);
  *out = NULL;
  if (!s) {
    return NG_ERR_NOMEM;
  }
  size_t n = 0;
  for (size_t i = 0; i < len;) {
    unsigned char c = (unsigned char)iri[i];
    uint32_t cp;
    size_t k = c < 0x80 ? 1 : ng__utf8_decode(iri + i, len - i, &cp);
    bool bad_pct = c == '%' && !(i + 2 < len && is_hex(iri[i + 1]) &&
                                 is_hex(iri[i + 2]));
    if (c < 0x80 && !is_forbidden(c) && !bad_pct) {
      s[n++] = (char)c;
      i++;
    } else if (c >= 0x80 && k > 0) {
      memcpy(s + n, iri + i, k); /* valid UTF-8 is allowed in an IRI */
      n += k;
      i += k;
    } else {
      s[n++] = '%';
      s[n++] = digits[c >> 4];
      s[n++] = digits[c & 15];
      i++;
    }
  }
  s[n] = '\0';
  *out = s;
  return NG_OK;
}

bool
ng__iri_is_valid(const char *iri)
{
  const char *p = iri;
  if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
    return false;
  }
  while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
         (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.') {
    p++;
  }
  if (*p != ':') {
    return false;
  }
  size_t len = strlen(iri);
  for (size_t i = 0; i < len; i++) {
    if (is_forbidden((unsigned char)iri[i])) {
      return false;
    }
  }
  return ng__utf8_is_valid(iri, len);
}

ng_status
ng__iri_fragment_base(const ng_world *world, const char *article, char **out)
{
  if (!strchr(article, '#')) {
    *out = strdup(article);
    return *out ? NG_OK : NG_ERR_NOMEM;
  }
  char hex[65];
  ng__sha256_hex(article, strlen(article), hex);
  if (strchr(world->base, '#')) {
    *out = concat("urn:sha256:", hex, NULL, NULL);
  } else {
    hex[16] = '\0';
    *out = concat(world->base, "article/", hex, NULL);
  }
  return *out ? NG_OK : NG_ERR_NOMEM;
}

ng_status
ng__iri_hashed(const ng_world *world, const char *article, const char *prefix,
               const char *content, size_t len, char **out)
{
  char *fb = NULL;
  char hex[65];
  ng_status st;
  *out = NULL;
  TRY(st, ng__iri_fragment_base(world, article, &fb));
  ng__sha256_hex(content, len, hex);
  hex[16] = '\0';
  char *frag = concat("#", prefix, "-", hex);
  if (frag) {
    *out = concat(fb, frag, NULL, NULL);
  }
  free(frag);
  free(fb);
  return *out ? NG_OK : NG_ERR_NOMEM;
}
