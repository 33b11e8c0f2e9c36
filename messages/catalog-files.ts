// The core's catalogs: one JSON file per area and language (messages/<lang>/<area>.json), merged into one namespace.
// Areas keep parallel work apart; keys are unique across areas (each area owns its own top-level prefixes).
import type { Language } from '../contract/languages';
import type { Area } from './areas';
import en_errorsAuth from './en/errors-auth.json';
import en_errorsFace from './en/errors-face.json';
import en_errorsNet from './en/errors-net.json';
import en_errorsSpace from './en/errors-space.json';
import en_errorsWindows from './en/errors-windows.json';
import en_errorsCore from './en/errors-core.json';
import en_input from './en/input.json';
import en_checksCommon from './en/checks-common.json';
import en_checksWindows from './en/checks-windows.json';
import en_checksSpace from './en/checks-space.json';
import en_checksFace from './en/checks-face.json';
import en_setup from './en/setup.json';
import en_report from './en/report.json';
import en_cli from './en/cli.json';
import fr_errorsAuth from './fr/errors-auth.json';
import fr_errorsFace from './fr/errors-face.json';
import fr_errorsNet from './fr/errors-net.json';
import fr_errorsSpace from './fr/errors-space.json';
import fr_errorsWindows from './fr/errors-windows.json';
import fr_errorsCore from './fr/errors-core.json';
import fr_input from './fr/input.json';
import fr_checksCommon from './fr/checks-common.json';
import fr_checksWindows from './fr/checks-windows.json';
import fr_checksSpace from './fr/checks-space.json';
import fr_checksFace from './fr/checks-face.json';
import fr_setup from './fr/setup.json';
import fr_report from './fr/report.json';
import fr_cli from './fr/cli.json';
import de_errorsAuth from './de/errors-auth.json';
import de_errorsFace from './de/errors-face.json';
import de_errorsNet from './de/errors-net.json';
import de_errorsSpace from './de/errors-space.json';
import de_errorsWindows from './de/errors-windows.json';
import de_errorsCore from './de/errors-core.json';
import de_input from './de/input.json';
import de_checksCommon from './de/checks-common.json';
import de_checksWindows from './de/checks-windows.json';
import de_checksSpace from './de/checks-space.json';
import de_checksFace from './de/checks-face.json';
import de_setup from './de/setup.json';
import de_report from './de/report.json';
import de_cli from './de/cli.json';
import nl_errorsAuth from './nl/errors-auth.json';
import nl_errorsFace from './nl/errors-face.json';
import nl_errorsNet from './nl/errors-net.json';
import nl_errorsSpace from './nl/errors-space.json';
import nl_errorsWindows from './nl/errors-windows.json';
import nl_errorsCore from './nl/errors-core.json';
import nl_input from './nl/input.json';
import nl_checksCommon from './nl/checks-common.json';
import nl_checksWindows from './nl/checks-windows.json';
import nl_checksSpace from './nl/checks-space.json';
import nl_checksFace from './nl/checks-face.json';
import nl_setup from './nl/setup.json';
import nl_report from './nl/report.json';
import nl_cli from './nl/cli.json';
import es_errorsAuth from './es/errors-auth.json';
import es_errorsFace from './es/errors-face.json';
import es_errorsNet from './es/errors-net.json';
import es_errorsSpace from './es/errors-space.json';
import es_errorsWindows from './es/errors-windows.json';
import es_errorsCore from './es/errors-core.json';
import es_input from './es/input.json';
import es_checksCommon from './es/checks-common.json';
import es_checksWindows from './es/checks-windows.json';
import es_checksSpace from './es/checks-space.json';
import es_checksFace from './es/checks-face.json';
import es_setup from './es/setup.json';
import es_report from './es/report.json';
import es_cli from './es/cli.json';
import ar_errorsAuth from './ar/errors-auth.json';
import ar_errorsFace from './ar/errors-face.json';
import ar_errorsNet from './ar/errors-net.json';
import ar_errorsSpace from './ar/errors-space.json';
import ar_errorsWindows from './ar/errors-windows.json';
import ar_errorsCore from './ar/errors-core.json';
import ar_input from './ar/input.json';
import ar_checksCommon from './ar/checks-common.json';
import ar_checksWindows from './ar/checks-windows.json';
import ar_checksSpace from './ar/checks-space.json';
import ar_checksFace from './ar/checks-face.json';
import ar_setup from './ar/setup.json';
import ar_report from './ar/report.json';
import ar_cli from './ar/cli.json';

export { AREAS } from './areas';

type Catalog = Record<string, unknown>;

/** Each language's area files, unmerged (the completeness test reads them one by one). */
export const CATALOG_FILES: Readonly<Record<Language, Readonly<Record<Area, Catalog>>>> = {
  en: {
    'errors-auth': en_errorsAuth,
    'errors-face': en_errorsFace,
    'errors-net': en_errorsNet,
    'errors-space': en_errorsSpace,
    'errors-windows': en_errorsWindows,
    'errors-core': en_errorsCore,
    input: en_input,
    'checks-common': en_checksCommon,
    'checks-windows': en_checksWindows,
    'checks-space': en_checksSpace,
    'checks-face': en_checksFace,
    setup: en_setup,
    report: en_report,
    cli: en_cli,
  },
  fr: {
    'errors-auth': fr_errorsAuth,
    'errors-face': fr_errorsFace,
    'errors-net': fr_errorsNet,
    'errors-space': fr_errorsSpace,
    'errors-windows': fr_errorsWindows,
    'errors-core': fr_errorsCore,
    input: fr_input,
    'checks-common': fr_checksCommon,
    'checks-windows': fr_checksWindows,
    'checks-space': fr_checksSpace,
    'checks-face': fr_checksFace,
    setup: fr_setup,
    report: fr_report,
    cli: fr_cli,
  },
  de: {
    'errors-auth': de_errorsAuth,
    'errors-face': de_errorsFace,
    'errors-net': de_errorsNet,
    'errors-space': de_errorsSpace,
    'errors-windows': de_errorsWindows,
    'errors-core': de_errorsCore,
    input: de_input,
    'checks-common': de_checksCommon,
    'checks-windows': de_checksWindows,
    'checks-space': de_checksSpace,
    'checks-face': de_checksFace,
    setup: de_setup,
    report: de_report,
    cli: de_cli,
  },
  nl: {
    'errors-auth': nl_errorsAuth,
    'errors-face': nl_errorsFace,
    'errors-net': nl_errorsNet,
    'errors-space': nl_errorsSpace,
    'errors-windows': nl_errorsWindows,
    'errors-core': nl_errorsCore,
    input: nl_input,
    'checks-common': nl_checksCommon,
    'checks-windows': nl_checksWindows,
    'checks-space': nl_checksSpace,
    'checks-face': nl_checksFace,
    setup: nl_setup,
    report: nl_report,
    cli: nl_cli,
  },
  es: {
    'errors-auth': es_errorsAuth,
    'errors-face': es_errorsFace,
    'errors-net': es_errorsNet,
    'errors-space': es_errorsSpace,
    'errors-windows': es_errorsWindows,
    'errors-core': es_errorsCore,
    input: es_input,
    'checks-common': es_checksCommon,
    'checks-windows': es_checksWindows,
    'checks-space': es_checksSpace,
    'checks-face': es_checksFace,
    setup: es_setup,
    report: es_report,
    cli: es_cli,
  },
  ar: {
    'errors-auth': ar_errorsAuth,
    'errors-face': ar_errorsFace,
    'errors-net': ar_errorsNet,
    'errors-space': ar_errorsSpace,
    'errors-windows': ar_errorsWindows,
    'errors-core': ar_errorsCore,
    input: ar_input,
    'checks-common': ar_checksCommon,
    'checks-windows': ar_checksWindows,
    'checks-space': ar_checksSpace,
    'checks-face': ar_checksFace,
    setup: ar_setup,
    report: ar_report,
    cli: ar_cli,
  },
};
