import { useState } from "react";
import type { SubmitOpinionReceipt } from "../api";
import { SubmissionReceipt } from "./SubmissionReceipt";
import { SubmitOpinionForm } from "./SubmitOpinionForm";

/** The citizen's send-an-opinion flow: the form, then the receipt with the tracking code. */
export function SendOpinion({ presetUnitId, presetTopic }: { presetUnitId: string | null; presetTopic: string | null }) {
  const [receipt, setReceipt] = useState<SubmitOpinionReceipt | null>(null);
  const [formKey, setFormKey] = useState(0);

  if (receipt) {
    return (
      <SubmissionReceipt
        receipt={receipt}
        onSendAnother={() => {
          setReceipt(null);
          setFormKey((key) => key + 1);
        }}
      />
    );
  }
  return <SubmitOpinionForm key={formKey} presetUnitId={presetUnitId} presetTopic={presetTopic} onSubmitted={setReceipt} />;
}
