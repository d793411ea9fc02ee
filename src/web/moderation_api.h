// web/moderation_api.h — the operator's API, and what a provider may see of moderation.
//
// Operator key only:
//   POST   /api/v1/providers                      {key, name, website?, kvk?, brin?} → 201 {id}
//   POST   /api/v1/providers/{id}/keys            {label?} → 201 {key (shown once), key_id}
//   DELETE /api/v1/keys/{key_id}                  revoke a key
//   POST   /api/v1/moderation/holds               {entity: course|provider, id, reason} → 201
//   DELETE /api/v1/moderation/holds/{id}          lift a hold (it stays on record)
//   GET    /api/v1/moderation/holds               ?standing=false for lifted ones too
//   GET    /api/v1/moderation/complaints          ?status=open|all
//   POST   /api/v1/moderation/complaints/{id}     {status: handled|dismissed, note?}
// The provider's own key (or the operator's):
//   GET    /api/v1/providers/{id}/holds           what was taken off the site, and why
#pragma once

#include <functional>

#include "auth/api_keys.h"
#include "store/store.h"
#include "web/router.h"

namespace verder {

struct ModerationApiDeps {
  Store* store = nullptr;
  const ApiKeyAuthenticator* auth = nullptr;
  std::function<void()> changed;  // after a hold changes: let search catch up now
};

void AddModerationApi(const ModerationApiDeps& deps, Router* router);

}  // namespace verder
