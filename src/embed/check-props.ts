// From checked embed options to the check's props: the same for the custom element and the iframe page.
import type { CheckAppProps } from '../ui/CheckApp.tsx';
import type { CheckEvent, ClinicInfo } from '../ui/host-events.ts';
import type { EmbedOptions } from './options.ts';

export type WidgetCheckProps = Omit<CheckAppProps, 'rules' | 'rulesHash' | 'timeEstimate'>;

export function checkProps(options: EmbedOptions, onEvent: (e: CheckEvent) => void): WidgetCheckProps {
  const clinic: ClinicInfo = {};
  if (options.clinicName) clinic.name = options.clinicName;
  if (options.contactUrl) clinic.contactUrl = options.contactUrl;
  if (options.bookingUrl) clinic.bookingUrl = options.bookingUrl;
  if (options.phone) clinic.phone = options.phone;
  if (options.emergencyNumber) clinic.emergencyNumber = options.emergencyNumber;
  const props: WidgetCheckProps = {
    onEvent,
    // The check adds the answers to its complete event only when the clinic opted in.
    shareAnswers: options.shareAnswers,
    // A person's answers stay out of the clinic site's storage unless the clinic asked for saving. Left out, the
    // check uses localStorage through its guarded accessor (null where touching storage throws, e.g. a blocked
    // third-party iframe); importing that accessor here would pull the storage code into the first download.
    ...(options.saveProgress ? {} : { storage: null }),
    // Never pull the page's focus (and the screen reader) into the widget on load.
    focusOnStart: false,
  };
  // The back gesture moves between screens only when the clinic lets the check add entries to its page's history.
  if (options.browserHistory) props.browserHistory = true;
  if (Object.keys(clinic).length > 0) props.clinic = clinic;
  if (options.locale) props.locale = options.locale;
  if (options.region) props.region = options.region;
  return props;
}
